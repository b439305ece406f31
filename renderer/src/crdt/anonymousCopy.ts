/**
 * Anonymous mode, in the document itself. Every item Yjs writes carries the writer's client
 * id, and a peer's presence (awareness) is keyed by that same id: a board edited directly
 * would tell everyone who wrote each note. So in anonymous mode the board model works on a
 * copy of the board, and each of this person's transactions on the copy is written under a
 * client id never used before; the board then takes the change like any other peer's.
 * No two of one person's changes share an id, so they cannot even be grouped.
 *
 * Undo still works: it runs on the copy, and its transactions get fresh ids too.
 */
import * as Y from 'yjs'

/** The copy's changes that came from the board; every other transaction is this person's. */
const FROM_BOARD = 'from-board'
/** A single anonymous write (writeAnonymously), saved and sent like any own change. */
const ANONYMOUS_ORIGIN = 'anonymous'

export interface AnonymousCopy {
  doc: Y.Doc
  destroy(): void
}

/** A client id for one transaction. Yjs ids are unsigned 32-bit integers. */
export function throwawayClientId(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!
}

export function createAnonymousCopy(board: Y.Doc): AnonymousCopy {
  const copy = new Y.Doc({ gc: board.gc })
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(board), FROM_BOARD)

  const fresh = (transaction: Y.Transaction) => {
    if (transaction.origin !== FROM_BOARD) copy.clientID = throwawayClientId()
  }
  // The copy itself is the origin of what it writes into the board: everything else the board
  // takes (peers' changes, a reveal through writeAnonymously) must come back into the copy.
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

/**
 * One write to the board under a throwaway client id, for a single act such as a revealed
 * note or a sealed ballot. A write of new keys is made on an empty document: it needs
 * nothing of the board (a reveal of 300 notes must not copy the board 300 times). A write
 * that `overwrites` a key is made on a full copy, so it lands after what it replaces, as an
 * edit by this person would.
 */
export function writeAnonymously(board: Y.Doc, write: (carrier: Y.Doc) => void, overwrites = false): void {
  const carrier = new Y.Doc({ gc: board.gc })
  carrier.clientID = throwawayClientId()
  const before = overwrites ? Y.encodeStateVector(board) : undefined
  if (overwrites) Y.applyUpdate(carrier, Y.encodeStateAsUpdate(board))
  carrier.transact(() => write(carrier))
  Y.applyUpdate(board, Y.encodeStateAsUpdate(carrier, before), ANONYMOUS_ORIGIN)
  carrier.destroy()
}
