import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { BoardChanges } from '../../../../shared/boardPatch'
import { TEMPLATES } from '../../../../shared/templates'
import { createWorkshopModel } from '../../../../renderer/src/crdt/workshopModel'
import { peerOf } from './boardFixtures'

function facilitatorModel() {
  const doc = new Y.Doc()
  const model = createWorkshopModel(doc, { template: TEMPLATES['core-values'], hostNow: () => 1_000, privateDoc: new Y.Doc() })
  return { doc, model }
}

/** The client id that wrote each note, as another peer reads it. */
const noteWriters = (doc: Y.Doc) => [...peerOf(doc).getMap('notes')._map.values()].map((item) => item.id.client)

describe('the workshop model', () => {
  it('sends a live participant’s notes and values to the host in anonymous mode, and writes them as this person once it is off', () => {
    const { doc: board, model: facilitator } = facilitatorModel()
    const doc = peerOf(board)
    const model = createWorkshopModel(doc, { template: undefined, hostNow: () => 1_000, privateDoc: new Y.Doc() })
    const patches: BoardChanges[] = []
    model.patchBoardThrough({ patchBoard: (changes) => patches.push(changes), onPatchWritten: () => () => undefined })
    const unsorted = () => model.editing.getSnapshot().board.snapshots.getSnapshot().columns[0]!.id
    model.editing.getSnapshot().board.intents.addNote(unsorted(), 'Anonymous idea')
    model.editing.getSnapshot().values.intents.addValue('Candour')
    expect(patches.flatMap((changes) => Object.keys(changes)).sort()).toEqual(['notes', 'values'])
    expect(doc.getMap('notes').size).toBe(0)
    expect(doc.getMap('values').size).toBe(0)

    let rebuilt = 0
    model.editing.subscribe(() => rebuilt++)
    // The facilitator turns anonymity off; this laptop hears it from the board.
    facilitator.flowIntents.setAnonymous(false)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(board))
    expect(rebuilt).toBe(1)
    model.editing.getSnapshot().board.intents.addNote(unsorted(), 'Signed idea')
    expect(noteWriters(doc)).toEqual([doc.clientID])
    model.destroy()
    facilitator.destroy()
  })

  it('marks a note this person adds on the board as theirs, on their screen only, whichever way it is written', () => {
    const { doc, model } = facilitatorModel()
    const unsorted = model.editing.getSnapshot().board.snapshots.getSnapshot().columns[0]!.id
    const direct = model.editing.getSnapshot().board.intents.addNote(unsorted, 'Written here').noteId!
    model.patchBoardThrough({ patchBoard: () => 1, onPatchWritten: () => () => undefined })
    const patched = model.editing.getSnapshot().board.intents.addNote(unsorted, 'Through the host').noteId!
    expect([...model.privateNotes.getSnapshot().mine].sort()).toEqual([direct, patched].sort())
    // Someone else's note is not.
    const other = peerOf(doc)
    const theirs = createWorkshopModel(other, { template: undefined, hostNow: () => 1_000, privateDoc: new Y.Doc() })
    theirs.editing.getSnapshot().board.intents.addNote(unsorted, 'Theirs')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))
    expect(model.privateNotes.getSnapshot().mine.size).toBe(2)
    theirs.destroy()
    model.destroy()
  })

  it('writes the facilitator’s own edits as the facilitator’s, anonymous or not', () => {
    const { doc, model } = facilitatorModel()
    expect(model.flow.getSnapshot().anonymous).toBe(true)
    const unsorted = model.editing.getSnapshot().board.snapshots.getSnapshot().columns[0]!.id
    model.editing.getSnapshot().board.intents.addNote(unsorted, 'Welcome everyone')
    expect(noteWriters(doc)).toEqual([doc.clientID])
    model.destroy()
  })

  it('starts a new core-values board with its one unsorted column, and publishes sealed ballots only when asked', () => {
    const { doc, model } = facilitatorModel()
    expect(model.editing.getSnapshot().board.snapshots.getSnapshot().columns.map((column) => column.title)).toEqual(['Unsorted ideas'])
    model.ballots.votes.setMark('column-x', 2)
    expect(doc.getMap('votes').size).toBe(0)
    expect(model.publishBallot('votes', null)).toBe(true)
    expect(model.published.votes.getSnapshot()).toHaveLength(1)
    model.destroy()
  })
})
