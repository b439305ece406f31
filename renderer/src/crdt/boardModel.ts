/** Everything a board screen needs from one workshop document, built in the one safe order. */
import type * as Y from 'yjs'
import type { Template } from '../../../shared/templates'
import { bindBoardIntents, seedBoard, type BoardIntents } from './intents'
import { createBoardSnapshotStore, type BoardSnapshotStore } from './snapshot'
import { createBoardUndo, type BoardUndo } from './undo'

export interface BoardModel {
  intents: BoardIntents
  snapshots: BoardSnapshotStore
  undo: BoardUndo
  destroy(): void
}

/**
 * `template` seeds an empty board's columns; undefined leaves the board as it is. `undoOf` makes
 * its undo: Yjs's own, or on a patched copy the patches' (patchUndo.ts).
 */
export function createBoardModel(doc: Y.Doc, template: Template | undefined, undoOf: (doc: Y.Doc) => BoardUndo = createBoardUndo): BoardModel {
  if (template) seedBoard(doc, template)
  // Created after seeding, so Undo cannot take away the columns a new board starts with.
  const undo = undoOf(doc)
  const snapshots = createBoardSnapshotStore(doc)
  return {
    intents: bindBoardIntents(doc),
    snapshots,
    undo,
    destroy() {
      undo.destroy()
      snapshots.destroy()
    }
  }
}
