/**
 * Undo and redo on a patched copy (anonymousCopy.ts, createPatchedCopy): there the host writes
 * this person's changes as its own, and Yjs's UndoManager will not take back a value that a
 * later write (the host's, of the very same change) has replaced. So each step is kept as what
 * it changed, field by field, and undoing writes the fields back as they were, as a change of
 * this person's like any other, which goes to the host as a patch. A field someone else has
 * changed since is not undone.
 */
import * as Y from 'yjs'
import { PATCHED_MAPS } from '../../../shared/boardPatch'
import { sameJson } from '../../../shared/canonicalJson'
import { changedEntries, entryFields } from './anonymousCopy'
import { LOCAL_ORIGIN } from './boardDoc'
import { createListeners } from './externalStore'
import type { BoardUndo, UndoState } from './undo'

type Fields = Record<string, unknown>
/** One entry's change in a step: as it was, and as it became (null: not there). */
interface EntryChange {
  map: string
  id: string
  before: Fields | null
  after: Fields | null
}

const UNDOING = Symbol('undoing')
const REDOING = Symbol('redoing')


export function createPatchUndo(doc: Y.Doc): BoardUndo {
  const shadow = new Map(PATCHED_MAPS.map((name) => [name, new Map<string, Fields | null>()]))
  for (const name of PATCHED_MAPS) doc.getMap<unknown>(name).forEach((entry, id) => shadow.get(name)!.set(id, entryFields(entry)))
  const undoStack: EntryChange[][] = []
  const redoStack: EntryChange[][] = []
  const listeners = createListeners()
  let state: UndoState = { canUndo: false, canRedo: false }
  const refresh = () => {
    const next = { canUndo: undoStack.length > 0, canRedo: redoStack.length > 0 }
    if (next.canUndo === state.canUndo && next.canRedo === state.canRedo) return
    state = next
    listeners.notify()
  }

  /** What the transaction under way changed, over both maps: one step. */
  let changes: EntryChange[] = []
  const stopObserving = PATCHED_MAPS.map((name) => {
    const map = doc.getMap<unknown>(name)
    const observe = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
      for (const id of changedEntries(map, events)) {
        const before = shadow.get(name)!.get(id) ?? null
        const after = entryFields(map.get(id))
        shadow.get(name)!.set(id, after)
        changes.push({ map: name, id, before, after })
      }
    }
    map.observeDeep(observe)
    return () => map.unobserveDeep(observe)
  })
  const keep = (transaction: Y.Transaction) => {
    const step = changes
    changes = []
    if (step.length === 0) return
    const origin: unknown = transaction.origin
    if (origin === UNDOING) redoStack.push(step)
    else if (origin === REDOING) undoStack.push(step)
    else if (origin === LOCAL_ORIGIN) {
      undoStack.push(step)
      redoStack.length = 0
    }
    refresh()
  }
  doc.on('afterTransaction', keep)

  /** Writes each entry's fields back from `after` to `before`, where no one has changed them since. */
  const reverse = (step: EntryChange[], origin: symbol) =>
    doc.transact(() => {
      for (const { map: name, id, before, after } of [...step].reverse()) {
        const map = doc.getMap<unknown>(name)
        const now = map.get(id)
        if (before === null) {
          if (now instanceof Y.Map) map.delete(id)
        } else if (!(now instanceof Y.Map)) {
          map.set(id, new Y.Map<unknown>(Object.entries(before)))
        } else {
          for (const field of new Set([...Object.keys(before), ...Object.keys(after ?? {})])) {
            if (sameJson(before[field], after?.[field]) || !sameJson(now.get(field), after?.[field])) continue
            if (field in before) now.set(field, before[field])
            else now.delete(field)
          }
        }
      }
    }, origin)

  return {
    undo() {
      const step = undoStack.pop()
      if (step) reverse(step, UNDOING)
      refresh()
    },
    redo() {
      const step = redoStack.pop()
      if (step) reverse(step, REDOING)
      refresh()
    },
    subscribe: listeners.add,
    getSnapshot: () => state,
    destroy() {
      for (const stop of stopObserving) stop()
      doc.off('afterTransaction', keep)
    }
  }
}
