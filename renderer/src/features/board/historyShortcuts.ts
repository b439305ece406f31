/** Which keys mean Undo and Redo: Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, and Ctrl+Y as on Windows. */

export type HistoryCommand = 'undo' | 'redo'

export interface ShortcutKeys {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

export function historyCommandFor({ key, ctrlKey, metaKey, shiftKey, altKey }: ShortcutKeys): HistoryCommand | null {
  if (altKey || !(ctrlKey || metaKey)) return null
  const letter = key.toLowerCase()
  if (letter === 'z') return shiftKey ? 'redo' : 'undo'
  if (letter === 'y' && ctrlKey && !metaKey && !shiftKey) return 'redo'
  return null
}

const NON_TEXT_INPUT_TYPES = new Set(['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit'])

/** A field whose own Ctrl+Z undoes typing: the board's undo must leave it alone. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  return target instanceof HTMLInputElement && !NON_TEXT_INPUT_TYPES.has(target.type)
}
