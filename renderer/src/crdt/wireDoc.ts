/**
 * A copy of the board that faces the network. y-webrtc applies whatever peers send straight
 * to the document it is given (through y-protocols, with no hook before Yjs reads it), so it
 * is given this copy instead of the board. The board only takes from it what Yjs itself
 * re-encoded after integrating:
 *
 * - bytes that fail to decode throw inside the wire copy; at worst the well-formed part read
 *   before the fault arrives, as ordinary Yjs content, and the board stays readable;
 * - changes whose dependencies have not arrived yet (normal in a mesh, where updates take
 *   different paths) wait in the wire copy. Held in the board, they would be saved with it,
 *   and a saved board with waiting changes is refused when opened (see persistence.ts).
 */
import * as Y from 'yjs'

/** The origin of every change that came from other peers. Undo never tracks it. */
export const REMOTE_ORIGIN = 'remote'
/** This person's own changes on their way out; not to be taken back into the board. */
const OUTGOING_ORIGIN = 'outgoing'

export interface WireDoc {
  doc: Y.Doc
  destroy(): void
}

/**
 * `onRejected` hears about a change from the room that failed on its way into the board;
 * the relay carries on with the next one.
 */
export function createWireDoc(board: Y.Doc, onRejected: (error: unknown) => void = () => undefined): WireDoc {
  const wire = new Y.Doc()
  Y.applyUpdate(wire, Y.encodeStateAsUpdate(board), OUTGOING_ORIGIN)

  const fromBoard = (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE_ORIGIN) Y.applyUpdate(wire, update, OUTGOING_ORIGIN)
  }
  const fromPeers = (update: Uint8Array, origin: unknown) => {
    if (origin === OUTGOING_ORIGIN) return
    try {
      Y.applyUpdate(board, update, REMOTE_ORIGIN)
    } catch (error) {
      onRejected(error)
    }
  }
  board.on('update', fromBoard)
  wire.on('update', fromPeers)

  return {
    doc: wire,
    destroy() {
      board.off('update', fromBoard)
      wire.off('update', fromPeers)
      wire.destroy()
    }
  }
}
