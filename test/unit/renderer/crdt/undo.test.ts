import * as Y from 'yjs'
import { describe, expect, it, vi } from 'vitest'
import { TEMPLATES } from '../../../../shared/templates'
import { createBoardModel } from '../../../../renderer/src/crdt/boardModel'
import { addNote, deleteNote, editNote, moveNote, recolourNote } from '../../../../renderer/src/crdt/intents'
import { buildBoardSnapshot } from '../../../../renderer/src/crdt/snapshot'
import { createBoardUndo } from '../../../../renderer/src/crdt/undo'
import { threeColumnBoard, IDEAS, peerOf, sync, textsIn, THEMES } from './boardFixtures'

describe('undo and redo', () => {
  it('reverts each intent as one step, and redoes it', () => {
    const doc = threeColumnBoard()
    const undo = createBoardUndo(doc)
    const id = addNote(doc, IDEAS, 'Curiosity').noteId!
    editNote(doc, id, 'Curiosity about customers')
    recolourNote(doc, id, 'blue')
    const note = () => buildBoardSnapshot(doc, null).notes[id]

    undo.undo()
    expect(note()!.colour).toBe('yellow')
    undo.undo()
    expect(note()!.text).toBe('Curiosity')
    undo.redo()
    expect(note()!.text).toBe('Curiosity about customers')
    undo.redo()
    expect(note()!.colour).toBe('blue')
    undo.destroy()
  })

  it('brings a deleted note back where it was, and puts a moved one back', () => {
    const doc = threeColumnBoard()
    const undo = createBoardUndo(doc)
    const ids = ['one', 'two', 'three'].map((text) => addNote(doc, IDEAS, text).noteId!)
    deleteNote(doc, ids[1]!)
    undo.undo()
    expect(textsIn(doc, IDEAS)).toEqual(['one', 'two', 'three'])
    moveNote(doc, ids[0]!, THEMES, null, null)
    undo.undo()
    expect(textsIn(doc, IDEAS)).toEqual(['one', 'two', 'three'])
    expect(textsIn(doc, THEMES)).toEqual([])
  })

  it('tells subscribers when Undo and Redo become possible, and stops when disposed', () => {
    const doc = threeColumnBoard()
    const undo = createBoardUndo(doc)
    const listener = vi.fn()
    const dispose = undo.subscribe(listener)
    expect(undo.getSnapshot()).toEqual({ canUndo: false, canRedo: false })
    addNote(doc, IDEAS, 'Respect')
    expect(undo.getSnapshot()).toEqual({ canUndo: true, canRedo: false })
    const before = undo.getSnapshot()
    addNote(doc, IDEAS, 'Integrity')
    expect(undo.getSnapshot()).toBe(before)
    undo.undo()
    expect(undo.getSnapshot()).toEqual({ canUndo: true, canRedo: true })
    undo.undo()
    expect(undo.getSnapshot()).toEqual({ canUndo: false, canRedo: true })
    expect(listener).toHaveBeenCalledTimes(3)
    dispose()
    undo.redo()
    expect(listener).toHaveBeenCalledTimes(3)
  })

  it('never undoes what another peer did', () => {
    const doc = threeColumnBoard()
    const peer = peerOf(doc)
    const undo = createBoardUndo(doc)
    addNote(doc, IDEAS, 'mine')
    addNote(peer, IDEAS, 'theirs')
    sync(doc, peer)
    undo.undo()
    expect(textsIn(doc, IDEAS)).toEqual(['theirs'])
    expect(undo.getSnapshot().canUndo).toBe(false)
  })

  it('cannot take away the columns a new board starts with', () => {
    const doc = new Y.Doc()
    const model = createBoardModel(doc, TEMPLATES['journey-map'])
    expect(model.undo.getSnapshot().canUndo).toBe(false)
    model.undo.undo()
    expect(model.snapshots.getSnapshot().columns).toHaveLength(TEMPLATES['journey-map'].columns.length)
    model.destroy()
  })
})
