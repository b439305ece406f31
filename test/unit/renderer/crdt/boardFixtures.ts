/** Real Y.Docs set up as boards, for the crdt tests. */
import * as Y from 'yjs'
import { TEMPLATES } from '../../../../shared/templates'
import { seedBoard } from '../../../../renderer/src/crdt/intents'
import { buildBoardSnapshot } from '../../../../renderer/src/crdt/snapshot'

/** A board of three columns: column-1 Ideas, column-2 Themes, column-3 Value candidates. */
export function threeColumnBoard(): Y.Doc {
  const doc = new Y.Doc()
  seedBoard(doc, { ...TEMPLATES['core-values'], columns: ['Ideas', 'Themes', 'Value candidates'] })
  return doc
}

export const IDEAS = 'column-1'
export const THEMES = 'column-2'
export const CANDIDATES = 'column-3'

/** The texts of a column's notes, top to bottom. */
export function textsIn(doc: Y.Doc, columnId: string): string[] {
  const snapshot = buildBoardSnapshot(doc, null)
  return (snapshot.noteIdsByColumn[columnId] ?? []).map((id) => snapshot.notes[id]!.text)
}

/** A second peer holding the same state as `doc`. */
export function peerOf(doc: Y.Doc): Y.Doc {
  const peer = new Y.Doc()
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
  return peer
}

/** Both docs exchange everything they have not seen from each other. */
export function sync(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  Y.applyUpdate(b, toB, 'remote')
  Y.applyUpdate(a, toA, 'remote')
}

/** A repeatable random source (a linear congruential generator): the same seed, the same run. */
export function seededRandom(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
}
