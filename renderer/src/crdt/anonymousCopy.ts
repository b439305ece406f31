/**
 * Anonymous mode, in the document itself, for what people edit together on the board (moves,
 * notes added or edited, value statements, the plan). Every item Yjs writes carries the
 * writer's client id, and a peer's presence (awareness) is keyed by that same id: a board
 * edited directly would tell everyone who wrote each note. So in anonymous mode the board
 * model works on a copy of the board, and this person's changes on the copy are written under
 * client ids never used before; the board then takes each change like any other peer's.
 *
 * One burst of editing (keystrokes less than BURST_GAP_MS apart, for at most BURST_MAX_MS)
 * keeps one id: a keystroke per id made a document of 2,000 keystrokes hold 2,001 writers and
 * grow past 1.4× its size. A burst groups only what was typed in one go; two changes a pause
 * apart never share an id. (The rounds' contributions do not come this way at all: the host
 * writes them, mixed; see shared/roundSubmissions.ts.)
 *
 * Undo still works: it runs on the copy, and its transactions get ids the same way.
 */
import * as Y from 'yjs'
import { PATCHED_COPY_CLIENT_ID, PATCHED_MAPS, type BoardChanges } from '../../../shared/boardPatch'

/** The copy's changes that came from the board; every other transaction is this person's. */
const FROM_BOARD = 'from-board'
/** A change within this long of this person's previous one continues its burst (and its id). */
export const BURST_GAP_MS = 1_000
/** However fast someone keeps typing, a burst takes a new id after this long. */
export const BURST_MAX_MS = 10_000

export interface AnonymousCopy {
  doc: Y.Doc
  destroy(): void
}

/** A client id for one burst. Yjs ids are unsigned 32-bit integers. */
function throwawayClientId(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!
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
      changes[name as keyof BoardChanges] = Object.fromEntries(
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

export function createAnonymousCopy(board: Y.Doc): AnonymousCopy {
  const copy = new Y.Doc({ gc: board.gc })
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(board), FROM_BOARD)

  let burstStart = -Infinity
  let lastChange = -Infinity
  const fresh = (transaction: Y.Transaction) => {
    if (transaction.origin === FROM_BOARD) return
    const now = Date.now()
    if (now - lastChange > BURST_GAP_MS || now - burstStart > BURST_MAX_MS) {
      copy.clientID = throwawayClientId()
      burstStart = now
    }
    lastChange = now
  }
  // The copy itself is the origin of what it writes into the board: everything else the board
  // takes (peers' changes, the host's mixed rounds) must come back into the copy.
  const fromBoard = (update: Uint8Array, origin: unknown) => {
    if (origin !== copy) Y.applyUpdate(copy, update, FROM_BOARD)
  }
  const toBoard = (update: Uint8Array, origin: unknown) => {
    if (origin !== FROM_BOARD) Y.applyUpdate(board, update, copy)
  }
  copy.on('beforeTransaction', fresh)
  board.on('update', fromBoard)
  copy.on('update', toBoard)

  return {
    doc: copy,
    destroy() {
      copy.off('beforeTransaction', fresh)
      board.off('update', fromBoard)
      copy.off('update', toBoard)
      copy.destroy()
    }
  }
}
