/**
 * Undo and redo of this person's own board edits. Changes that arrive from other peers
 * (or from loading the saved file) are never undone: only LOCAL_ORIGIN is tracked.
 */
import * as Y from 'yjs'
import { columnsOf, lanesOf, LOCAL_ORIGIN, notesOf } from './boardDoc'
import { createListeners, type ExternalStore } from './externalStore'

export interface UndoState {
  canUndo: boolean
  canRedo: boolean
}

export interface BoardUndo extends ExternalStore<UndoState> {
  undo(): void
  redo(): void
  destroy(): void
}

export function createBoardUndo(doc: Y.Doc): BoardUndo {
  const manager = new Y.UndoManager([columnsOf(doc), lanesOf(doc), notesOf(doc)], {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
    // Every intent is one step: two quick edits must not merge into a single undo.
    captureTimeout: 0
  })
  const listeners = createListeners()
  let state: UndoState = { canUndo: false, canRedo: false }

  const refresh = () => {
    const next = { canUndo: manager.canUndo(), canRedo: manager.canRedo() }
    if (next.canUndo === state.canUndo && next.canRedo === state.canRedo) return
    state = next
    listeners.notify()
  }
  manager.on('stack-item-added', refresh)
  manager.on('stack-item-popped', refresh)
  manager.on('stack-cleared', refresh)

  return {
    undo: () => void manager.undo(),
    redo: () => void manager.redo(),
    subscribe: listeners.add,
    getSnapshot: () => state,
    destroy() {
      manager.off('stack-item-added', refresh)
      manager.off('stack-item-popped', refresh)
      manager.off('stack-cleared', refresh)
      manager.destroy()
    }
  }
}
