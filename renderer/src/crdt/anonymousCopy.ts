/**
 * Anonymous mode, for a live participant's changes to the board's notes and clusters. Every
 * item Yjs writes carries the writer's client id, and a peer's presence (awareness) is keyed
 * by that same id: a board edited directly would tell everyone who wrote each note. So the
 * board model works on a copy of the board, and this person's changes on the copy go to the
 * host as patches (shared/boardPatch.ts), which the host writes as its own change. What the
 * group writes together (values, the plan) goes the same way through writingCopy.ts. (The
 * rounds' contributions do not come this way at all: the host writes them, mixed; see
 * shared/roundSubmissions.ts.)
 */
import * as Y from 'yjs'
import { PATCHED_COPY_CLIENT_ID, PATCHED_MAPS, type BoardChanges, type PatchedMap } from '../../../shared/boardPatch'

/** The copy's changes that came from the board; every other transaction is this person's. */
const FROM_BOARD = 'from-board'

export interface AnonymousCopy {
  doc: Y.Doc
  destroy(): void
}

/** The entries of a patched map (notes, clusters) that `events` changed, themselves or a field of theirs. */
export function changedEntries(map: Y.Map<unknown>, events: ReadonlyArray<Y.YEvent<Y.AbstractType<unknown>>>): Set<string> {
  const ids = new Set<string>()
  for (const event of events) {
    if (event.target === map) for (const key of event.keys.keys()) ids.add(key)
    else if (typeof event.path[0] === 'string') ids.add(event.path[0])
  }
  return ids
}

/** An entry's fields as they are, or null: it is not there. */
export const entryFields = (entry: unknown): Record<string, unknown> | null =>
  entry instanceof Y.Map ? (entry.toJSON() as Record<string, unknown>) : null

/**
 * While live, for the board's notes and clusters: this person's changes go to the host as
 * patches (shared/boardPatch.ts), which the host writes as its own change; none of this copy's
 * own Yjs writes ever leaves this laptop. The copy shows a change at once, and gives way to the
 * host's write of it when that arrives (PATCHED_COPY_CLIENT_ID). Undo works as on any copy.
 */
export function createPatchedCopy(board: Y.Doc, patchBoard: (changes: BoardChanges) => void): AnonymousCopy {
  const copy = new Y.Doc({ gc: board.gc })
  copy.clientID = PATCHED_COPY_CLIENT_ID
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(board), FROM_BOARD)
  const changed = new Map<string, Set<string>>(PATCHED_MAPS.map((name) => [name, new Set<string>()]))
  const observers = PATCHED_MAPS.map((name) => {
    const map = copy.getMap<unknown>(name)
    const observe = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction) => {
      if (transaction.origin === FROM_BOARD) return
      for (const id of changedEntries(map, events)) changed.get(name)!.add(id)
    }
    map.observeDeep(observe)
    return () => map.unobserveDeep(observe)
  })
  const send = (transaction: Y.Transaction) => {
    if (transaction.origin === FROM_BOARD) return
    const changes: BoardChanges = {}
    for (const [name, ids] of changed) {
      if (ids.size === 0) continue
      const map = copy.getMap<unknown>(name)
      changes[name as PatchedMap] = Object.fromEntries(
        [...ids].map((id) => [id, entryFields(map.get(id))])
      )
      ids.clear()
    }
    if (Object.keys(changes).length > 0) patchBoard(changes)
  }
  const fromBoard = (update: Uint8Array) => Y.applyUpdate(copy, update, FROM_BOARD)
  copy.on('afterTransaction', send)
  board.on('update', fromBoard)

  return {
    doc: copy,
    destroy() {
      for (const stop of observers) stop()
      copy.off('afterTransaction', send)
      board.off('update', fromBoard)
      copy.destroy()
    }
  }
}
