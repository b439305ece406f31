import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { BURST_GAP_MS, BURST_MAX_MS, createAnonymousCopy, createPatchedCopy } from '../../../../renderer/src/crdt/anonymousCopy'
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

describe('createAnonymousCopy', () => {
  afterEach(() => vi.useRealTimers())

  it("writes a person's changes a pause apart under client ids of their own, never the person's", () => {
    vi.useFakeTimers()
    const board = threeColumnBoard()
    const copy = createAnonymousCopy(board)
    const model = createBoardModel(copy.doc, undefined)
    for (const text of ['Own it', 'Say no', 'Call back']) {
      model.intents.addNote(IDEAS, text)
      vi.advanceTimersByTime(BURST_GAP_MS + 1)
    }

    const room = peerOf(board)
    expect(textsIn(room, IDEAS)).toEqual(['Own it', 'Say no', 'Call back'])
    const writers = writersOfNotes(room)
    expect(writers).toHaveLength(3)
    expect(new Set(writers).size).toBe(3)
    expect(writers).not.toContain(board.clientID)
    model.destroy()
    copy.destroy()
  })

  it('keeps one id for a burst of typing, so the board does not grow a writer per keystroke, and a new one after BURST_MAX_MS', () => {
    vi.useFakeTimers()
    const board = threeColumnBoard()
    const copy = createAnonymousCopy(board)
    const model = createBoardModel(copy.doc, undefined)
    const { noteId } = model.intents.addNote(IDEAS, 'O')
    const writers = () => new Set(Y.decodeUpdate(Y.encodeStateAsUpdate(board)).structs.map((struct) => struct.id.client))
    const before = writers().size
    let text = 'O'
    for (const char of 'wn it, every day') {
      vi.advanceTimersByTime(150)
      text += char
      model.intents.editNote(noteId!, text)
    }
    expect(writers().size).toBe(before)
    // Typing on without a pause: the burst ends after BURST_MAX_MS all the same.
    for (let elapsed = 0; elapsed < BURST_MAX_MS; elapsed += 150) {
      vi.advanceTimersByTime(150)
      text += '.'
      model.intents.editNote(noteId!, text)
    }
    expect(writers().size).toBe(before + 1)
    model.destroy()
    copy.destroy()
  })

  it('keeps undo and redo, which write anonymously too', () => {
    const board = threeColumnBoard()
    const copy = createAnonymousCopy(board)
    const model = createBoardModel(copy.doc, undefined)
    const ownStructs = () => board.store.clients.get(board.clientID)?.length
    const seeded = ownStructs()
    const { noteId } = model.intents.addNote(IDEAS, 'Own it')
    model.intents.moveNote(noteId!, THEMES, null, null)
    model.undo.undo()
    expect(textsIn(board, IDEAS)).toEqual(['Own it'])
    model.undo.redo()
    expect(textsIn(board, THEMES)).toEqual(['Own it'])
    // Only the columns this board was seeded with carry its own id.
    expect(ownStructs()).toBe(seeded)
    model.destroy()
    copy.destroy()
  })

  it("shows others' changes to the board in the copy, and stops following once destroyed", () => {
    const board = threeColumnBoard()
    const copy = createAnonymousCopy(board)
    const direct = createBoardModel(board, undefined)
    direct.intents.addNote(IDEAS, 'From the room')
    expect(textsIn(copy.doc, IDEAS)).toEqual(['From the room'])
    copy.destroy()
    direct.intents.addNote(IDEAS, 'Later')
    expect(textsIn(board, IDEAS)).toEqual(['From the room', 'Later'])
  })
})

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
