import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createPatchedCopy } from '../../../../renderer/src/crdt/anonymousCopy'
import { writeBoardChanges } from '../../../../electron/host/boardPatches'
import { PATCHED_COPY_CLIENT_ID, type BoardChanges } from '../../../../shared/boardPatch'
import { createBoardModel } from '../../../../renderer/src/crdt/boardModel'
import { createPatchUndo } from '../../../../renderer/src/crdt/patchUndo'
import { threeColumnBoard, IDEAS, peerOf, textsIn, THEMES } from './boardFixtures'

/** Every client id that wrote an item of the notes map, as any peer can read it. */
function writersOfNotes(doc: Y.Doc): number[] {
  const writers: number[] = []
  doc.getMap('notes').forEach((entry) => {
    const item = (entry as Y.Map<unknown>)._item
    if (item) writers.push(item.id.client)
  })
  return writers
}

describe('createPatchedCopy', () => {
  /** A board, the host's copy of it, and a laptop's patched copy whose patches the host writes when `deliver` is called. */
  function room() {
    const host = threeColumnBoard()
    const board = peerOf(host)
    const patches: BoardChanges[] = []
    const copy = createPatchedCopy(board, (changes) => patches.push(changes))
    const model = createBoardModel(copy.doc, undefined, createPatchUndo)
    /** The host writes every patch sent so far, and its board reaches the laptop's. */
    const deliver = () => {
      for (const changes of patches.splice(0)) writeBoardChanges(host, changes, 'patch')
      Y.applyUpdate(board, Y.encodeStateAsUpdate(host, Y.encodeStateVector(board)))
    }
    return { host, board, copy, model, patches, deliver }
  }

  it('shows a change at once, sends it as a patch, and lets nothing of its own reach the board', () => {
    const { board, copy, model, patches } = room()
    const { noteId } = model.intents.addNote(IDEAS, 'Call the customer back')
    expect(textsIn(copy.doc, IDEAS)).toEqual(['Call the customer back'])
    expect(textsIn(board, IDEAS)).toEqual([])
    expect(patches).toHaveLength(1)
    expect(patches[0]!.notes![noteId!]).toMatchObject({ text: 'Call the customer back', columnId: IDEAS })
    expect(Y.decodeStateVector(Y.encodeStateVector(board)).has(PATCHED_COPY_CLIENT_ID)).toBe(false)
    model.destroy()
    copy.destroy()
  })

  it('gives way to the host’s write of the change, and then to every later change, so the copy is the board', () => {
    const { host, board, copy, model, deliver } = room()
    const { noteId } = model.intents.addNote(IDEAS, 'Call the customer back')
    model.intents.recolourNote(noteId!, 'blue')
    deliver()
    expect(writersOfNotes(board)).toEqual([host.clientID])
    expect(copy.doc.getMap('notes').toJSON()).toEqual(board.getMap('notes').toJSON())
    // Someone else moves it on the host: this laptop's own earlier writes must not hide that.
    const other = peerOf(host)
    ;(other.getMap('notes').get(noteId!) as Y.Map<unknown>).set('columnId', THEMES)
    Y.applyUpdate(host, Y.encodeStateAsUpdate(other, Y.encodeStateVector(host)))
    Y.applyUpdate(board, Y.encodeStateAsUpdate(host, Y.encodeStateVector(board)))
    expect(textsIn(copy.doc, THEMES)).toEqual(['Call the customer back'])
    expect(copy.doc.getMap('notes').toJSON()).toEqual(board.getMap('notes').toJSON())
    model.destroy()
    copy.destroy()
  })

  it('undoes and redoes through the host too', () => {
    const { board, copy, model, deliver } = room()
    const { noteId } = model.intents.addNote(IDEAS, 'Call the customer back')
    deliver()
    model.intents.editNote(noteId!, 'Call the customer back the same day')
    deliver()
    expect(textsIn(board, IDEAS)).toEqual(['Call the customer back the same day'])
    model.undo.undo()
    deliver()
    expect(textsIn(board, IDEAS)).toEqual(['Call the customer back'])
    expect(textsIn(copy.doc, IDEAS)).toEqual(['Call the customer back'])
    model.undo.redo()
    deliver()
    expect(textsIn(board, IDEAS)).toEqual(['Call the customer back the same day'])
    // Undoing the note's creation takes it away, through the host too.
    model.undo.undo()
    model.undo.undo()
    deliver()
    expect(textsIn(board, IDEAS)).toEqual([])
    expect(writersOfNotes(board)).toEqual([])
    model.destroy()
    copy.destroy()
  })
})
