import { useEffect } from 'react'
import type { BoardUndo } from '../../crdt/undo'
import { historyCommandFor, isTextEntry } from './historyShortcuts'

/**
 * Ctrl/Cmd+Z and friends undo board edits, except while typing, where they undo the typing,
 * and except while the board's history is not offered (`enabled` false).
 */
export function useHistoryShortcuts(undo: BoardUndo, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTextEntry(event.target)) return
      const command = historyCommandFor(event)
      if (!command) return
      event.preventDefault()
      if (command === 'undo') undo.undo()
      else undo.redo()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [undo, enabled])
}
