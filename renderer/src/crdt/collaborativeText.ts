/**
 * Live co-editing of a Y.Text through a plain text box, with no rich-text editor library.
 * A person's typing goes into the Y.Text as the smallest edit that explains it (common
 * prefix and suffix kept), so two people typing in one box at once both keep their words;
 * a peer's typing comes into the box with this person's caret and selection carried past it.
 *
 * The box is described by `TextField`, so nothing here needs the DOM: the React side wraps a
 * <textarea> in it (ui/useCollaborativeText.ts).
 */
import * as Y from 'yjs'
import { LOCAL_ORIGIN } from './boardDoc'
import { limitLength } from './noteText'

export interface TextSelection {
  start: number
  end: number
  direction: 'forward' | 'backward' | 'none'
}

/** A text box as the binding sees it. */
export interface TextField {
  getValue(): string
  setValue(value: string): void
  /** Null when the box does not have the focus: then there is no caret to keep in place. */
  getSelection(): TextSelection | null
  setSelection(selection: TextSelection): void
}

export interface TextInputResult {
  /** What was typed or pasted did not fit the length limit and was cut: tell the person. */
  truncated: boolean
}

export interface TextBinding {
  /** Call after every input event of the field. */
  input(): TextInputResult
  /** An input method (IME) began composing: the box must not be rewritten until it ends. */
  compositionStart(): void
  compositionEnd(): TextInputResult
  destroy(): void
}

/** One replacement: `remove` characters at `index` give way to `insert`. */
export interface TextEdit {
  index: number
  remove: number
  insert: string
}

/** The changes of one Y.Text event, in Yjs' (Quill's) delta format. */
export type TextDelta = ReadonlyArray<{ insert?: unknown; delete?: number; retain?: number }>

/**
 * Which way an index leans when text is inserted exactly there: 'left' stays before the new
 * text, 'right' moves past it.
 */
export type Stick = 'left' | 'right'

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff

/**
 * The smallest single edit that turns `before` into `after`, or null when they are equal.
 * It never splits an emoji (a surrogate pair): Yjs would store the halves as U+FFFD.
 */
export function diffText(before: string, after: string): TextEdit | null {
  if (before === after) return null
  const shorter = Math.min(before.length, after.length)
  let prefix = 0
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--
  let suffix = 0
  while (
    suffix < shorter - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++
  }
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--
  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix)
  }
}

const insertLength = (insert: unknown) => (typeof insert === 'string' ? insert.length : 1)

/** Where `index` of the text before `delta` is in the text after it. */
export function mapIndex(index: number, delta: TextDelta, stick: Stick): number {
  let at = index
  let oldPos = 0
  let newPos = 0
  for (const op of delta) {
    if (op.retain !== undefined) {
      if (at < oldPos + op.retain) return newPos + (at - oldPos)
      oldPos += op.retain
      newPos += op.retain
    } else if (op.insert !== undefined) {
      // Text inserted before the index, or exactly at it by a peer when the index leans right.
      if (at > oldPos || stick === 'right') newPos += insertLength(op.insert)
      else return newPos
    } else if (op.delete !== undefined) {
      // An index inside deleted text lands where the deletion was.
      if (at < oldPos + op.delete) at = oldPos + op.delete
      oldPos += op.delete
    }
  }
  return newPos + (at - oldPos)
}

/** `mapIndex` through several deltas, oldest first. */
export function mapIndexThrough(index: number, deltas: readonly TextDelta[], stick: Stick): number {
  return deltas.reduce((at, delta) => mapIndex(at, delta, stick), index)
}

/** The text a field shows: what the Y.Text holds, never more than the limit. */
export function shownText(ytext: Y.Text, maxLength: number): string {
  return limitLength(ytext.toString(), maxLength).text
}

/**
 * Turns `ytext` into `next` (cut to `maxLength`) with the smallest edit, in one transaction.
 * For setting a text from code; a text box goes through `bindTextInput`.
 */
export function replaceText(
  ytext: Y.Text,
  next: string,
  maxLength: number,
  origin: unknown = LOCAL_ORIGIN
): { changed: boolean; truncated: boolean } {
  const { text, truncated } = limitLength(next, maxLength)
  const current = ytext.toString()
  if (!hasOnlyText(ytext, current)) {
    transactOn(ytext, () => replaceAll(ytext, text), origin)
    return { changed: true, truncated }
  }
  const edit = diffText(current, text)
  if (!edit) return { changed: false, truncated }
  transactOn(ytext, () => applyEdit(ytext, edit), origin)
  return { changed: true, truncated }
}

/**
 * True when every position of the Y.Text is a character. A faulty peer may have put embeds
 * in it; those count as positions but do not show in toString(), so indexes would disagree.
 */
const hasOnlyText = (ytext: Y.Text, text: string) => ytext.length === text.length

function replaceAll(ytext: Y.Text, text: string): void {
  if (ytext.length > 0) ytext.delete(0, ytext.length)
  if (text) ytext.insert(0, text)
}

function applyEdit(ytext: Y.Text, edit: TextEdit): void {
  if (edit.remove > 0) ytext.delete(edit.index, edit.remove)
  if (edit.insert) ytext.insert(edit.index, edit.insert)
}

function transactOn(ytext: Y.Text, fn: () => void, origin: unknown): void {
  const doc = ytext.doc
  if (doc) doc.transact(fn, origin)
  else fn()
}

const clamp = (value: number, max: number) => Math.max(0, Math.min(value, max))

/**
 * Keeps `field` and `ytext` in step until `destroy`. The field shows the text at once.
 *
 * Changes from elsewhere (peers, or other code on this machine) reach the field as they
 * happen, except while an input method is composing: rewriting the box then would cancel
 * the composition, so they wait and are merged when it ends. Every edit made meanwhile is
 * kept as a delta, and the person's edit is carried through them before it is applied.
 */
export function bindTextInput(
  ytext: Y.Text,
  field: TextField,
  { maxLength, origin = LOCAL_ORIGIN }: { maxLength: number; origin?: unknown }
): TextBinding {
  /** What the field showed when it was last in step with the text. */
  let shown = shownText(ytext, maxLength)
  /** Changes to the text since `shown`, oldest first. */
  let pending: TextDelta[] = []
  let composing = false
  let applying = false
  let destroyed = false

  if (field.getValue() !== shown) field.setValue(shown)

  /** Sends the person's edit (if any), then shows the text as it now is. */
  const flush = (): TextInputResult => {
    const value = field.getValue()
    const selection = field.getSelection()
    const local = diffText(shown, value)
    let truncated = false
    let applied: TextEdit | null = null

    if (local) {
      const current = ytext.toString()
      if (!hasOnlyText(ytext, current)) {
        const { text, truncated: cut } = limitLength(value, maxLength)
        truncated = cut
        applying = true
        try {
          transactOn(ytext, () => replaceAll(ytext, text), origin)
        } finally {
          applying = false
        }
        pending = []
        shown = shownText(ytext, maxLength)
        if (field.getValue() !== shown) field.setValue(shown)
        if (selection) field.setSelection({ ...selection, start: clamp(selection.start, shown.length), end: clamp(selection.end, shown.length) })
        return { truncated }
      }
      // The edit was made on `shown`; peers may have changed the text since.
      const start = mapIndexThrough(local.index, pending, 'right')
      const end = Math.max(start, mapIndexThrough(local.index + local.remove, pending, 'left'))
      const room = Math.max(0, maxLength - (ytext.length - (end - start)))
      const fitted = limitLength(local.insert, room)
      truncated = fitted.truncated
      applied = { index: start, remove: end - start, insert: fitted.text }
      if (applied.remove > 0 || applied.insert) {
        const edit = applied
        applying = true
        try {
          transactOn(ytext, () => applyEdit(ytext, edit), origin)
        } finally {
          applying = false
        }
      }
    }

    /** Where a position of the field (as typed) is in the text now. */
    const place = (at: number, stick: Stick): number => {
      if (!local || !applied) return mapIndexThrough(at, pending, stick)
      if (at <= local.index) return mapIndexThrough(at, pending, stick)
      const typedEnd = local.index + local.insert.length
      if (at < typedEnd) return applied.index + Math.min(at - local.index, applied.insert.length)
      const before = mapIndexThrough(at - local.insert.length + local.remove, pending, stick)
      return before - applied.remove + applied.insert.length
    }

    const nextSelection = selection && mapSelection(selection, place)
    pending = []
    shown = shownText(ytext, maxLength)
    if (value !== shown) {
      field.setValue(shown)
      if (nextSelection) {
        field.setSelection({
          ...nextSelection,
          start: clamp(nextSelection.start, shown.length),
          end: clamp(nextSelection.end, shown.length)
        })
      }
    }
    return { truncated }
  }

  const observer = (event: Y.YTextEvent) => {
    // This binding's own edit: the field already shows it.
    if (applying) return
    pending.push(event.delta)
    if (!composing) flush()
  }
  ytext.observe(observer)

  return {
    input: () => (destroyed || composing ? { truncated: false } : flush()),
    compositionStart() {
      composing = true
    },
    compositionEnd() {
      composing = false
      return destroyed ? { truncated: false } : flush()
    },
    destroy() {
      if (destroyed) return
      destroyed = true
      ytext.unobserve(observer)
    }
  }
}

/**
 * A caret stays before text a peer inserts right at it; a selection keeps its ends outside
 * such text, so it never grows by what someone else typed.
 */
function mapSelection(selection: TextSelection, place: (at: number, stick: Stick) => number): TextSelection {
  if (selection.start === selection.end) {
    const at = place(selection.start, 'left')
    return { ...selection, start: at, end: at }
  }
  const start = place(selection.start, 'right')
  const end = Math.max(start, place(selection.end, 'left'))
  return { ...selection, start, end }
}
