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

export interface AnonymousCopy {
  doc: Y.Doc
  destroy(): void
}

/** A client id for one transaction. Yjs ids are unsigned 32-bit integers. */
function throwawayClientId(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!
}

export function createAnonymousCopy(board: Y.Doc): AnonymousCopy {
  const copy = new Y.Doc({ gc: board.gc })
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(board), FROM_BOARD)

  const fresh = (transaction: Y.Transaction) => {
    if (transaction.origin !== FROM_BOARD) copy.clientID = throwawayClientId()
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
