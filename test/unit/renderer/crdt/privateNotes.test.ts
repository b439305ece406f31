import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { NOTE_TEXT_MAX_LENGTH, REVEAL_ORDER } from '../../../../shared/board'
import { createPrivateNotes } from '../../../../renderer/src/crdt/privateNotes'
import { buildBoardSnapshot } from '../../../../renderer/src/crdt/snapshot'
import { createBoardModel } from '../../../../renderer/src/crdt/boardModel'
import { cellKey, createJourneyModel } from '../../../../renderer/src/crdt/journey'
import { TEMPLATES } from '../../../../shared/templates'
import type { Submission } from '../../../../shared/roundSubmissions'
import { threeColumnBoard, IDEAS, peerOf } from './boardFixtures'

describe('private brainstorm notes', () => {
  it('stay out of the shared document until revealed', () => {
    const board = threeColumnBoard()
    const own = new Y.Doc()
    const notes = createPrivateNotes(own)
    notes.addDraft('Integrity above all')
    notes.addDraft('Customers first')
    expect(notes.getSnapshot().drafts.map((draft) => draft.text)).toEqual(['Integrity above all', 'Customers first'])
    const room = peerOf(board)
    expect(JSON.stringify(room.toJSON())).not.toContain('Integrity')
    expect(room.getMap('notes').size).toBe(0)
  })

  it('with anonymity off, are revealed as this person’s own change, with one shared order key, and known as mine', () => {
    const board = threeColumnBoard()
    const own = new Y.Doc()
    const notes = createPrivateNotes(own)
    const ids = ['Integrity', 'Ownership', 'Curiosity'].map((text) => notes.addDraft(text).id!)
    expect(notes.reveal(board, IDEAS, null)).toBe(3)

    const room = peerOf(board)
    const snapshot = buildBoardSnapshot(room, null)
    expect(new Set(Object.values(snapshot.notes).map((note) => note.text))).toEqual(new Set(['Integrity', 'Ownership', 'Curiosity']))
    expect(new Set(Object.values(snapshot.notes).map((note) => note.order))).toEqual(new Set([REVEAL_ORDER]))
    const writers = new Set<number>()
    room.getMap('notes').forEach((entry) => writers.add((entry as Y.Map<unknown>)._item!.id.client))
    expect([...writers]).toEqual([board.clientID])
    expect(notes.getSnapshot().drafts).toEqual([])
    expect([...notes.getSnapshot().mine].sort()).toEqual([...ids].sort())
  })

  it('in anonymous mode, are handed to the host and stay drafts until the board has them, then are known as mine', () => {
    const board = threeColumnBoard()
    const notes = createPrivateNotes(new Y.Doc())
    const id = notes.addDraft('Speak up').id!
    const handedIn: Submission[] = []
    expect(notes.reveal(board, IDEAS, (submission) => handedIn.push(submission))).toBe(1)
    expect(handedIn).toEqual([{ v: 1, round: 'brainstorm', notes: [{ id, text: 'Speak up', colour: 'yellow', columnId: IDEAS }] }])
    expect(board.getMap('notes').size).toBe(0)
    expect(notes.getSnapshot().drafts).toHaveLength(1)
    // The host's change arrives: the note is on the board, so the draft is done.
    board.getMap('notes').set(id, new Y.Map([['text', 'Speak up']]))
    notes.settle(board, [id])
    expect(notes.getSnapshot().drafts).toEqual([])
    expect([...notes.getSnapshot().mine]).toEqual([id])
  })

  it('are revealed into the journey-map cell each was written for; one without a cell goes to the given column', () => {
    const board = new Y.Doc()
    const model = createBoardModel(board, TEMPLATES['journey-map'])
    const journey = createJourneyModel(board, model.snapshots)
    const notes = createPrivateNotes(new Y.Doc())
    const onboard = journey.snapshots.getSnapshot().stages[2]!.id
    const painPoints = journey.snapshots.getSnapshot().lanes[3]!.id
    notes.addDraft('Laptop came late', undefined, { columnId: onboard, laneId: painPoints })
    notes.addDraft('Nice welcome')
    expect(notes.getSnapshot().drafts[0]!.place).toEqual({ columnId: onboard, laneId: painPoints })
    notes.reveal(board, 'column-1', null)
    const grid = journey.snapshots.getSnapshot()
    const textsIn = (stageId: string, laneId: string) => grid.cells[cellKey(stageId, laneId)]!.map((id) => grid.notes[id]!.text)
    expect(textsIn(onboard, painPoints)).toEqual(['Laptop came late'])
    expect(textsIn('column-1', grid.lanes[0]!.id)).toEqual(['Nice welcome'])
  })

  it('reveal once: a second reveal finds nothing left to put on the board', () => {
    const board = threeColumnBoard()
    const notes = createPrivateNotes(new Y.Doc())
    notes.addDraft('Integrity')
    notes.reveal(board, IDEAS, null)
    expect(notes.reveal(board, IDEAS, null)).toBe(0)
    expect(board.getMap('notes').size).toBe(1)
  })

  it('are kept in the private document, so a reopened one still has them', () => {
    const own = new Y.Doc()
    createPrivateNotes(own).addDraft('Respect')
    const reopened = new Y.Doc()
    Y.applyUpdate(reopened, Y.encodeStateAsUpdate(own))
    expect(createPrivateNotes(reopened).getSnapshot().drafts.map((draft) => draft.text)).toEqual(['Respect'])
  })

  it('keep the order they were written in, however fast', () => {
    const notes = createPrivateNotes(new Y.Doc())
    const texts = Array.from({ length: 30 }, (_, i) => `idea ${i}`)
    for (const text of texts) notes.addDraft(text)
    expect(notes.getSnapshot().drafts.map((draft) => draft.text)).toEqual(texts)
  })

  it('take edits and deletions, ignore blank text and cut a 10 MB paste to a note', () => {
    const notes = createPrivateNotes(new Y.Doc())
    expect(notes.addDraft('   ').id).toBeNull()
    const { id } = notes.addDraft('Draft')
    notes.editDraft(id!, 'Better wording')
    const pasted = notes.addDraft('x'.repeat(10 * 1024 * 1024))
    expect(pasted.truncated).toBe(true)
    expect(notes.getSnapshot().drafts.map((draft) => draft.text.length)).toEqual(['Better wording'.length, NOTE_TEXT_MAX_LENGTH])
    notes.deleteDraft(id!)
    expect(notes.getSnapshot().drafts).toHaveLength(1)
  })
})
