import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
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
  it('writes notes anonymously in anonymous mode and as this person once it is turned off', () => {
    const { doc, model } = facilitatorModel()
    const unsorted = () => model.editing.getSnapshot().board.snapshots.getSnapshot().columns[0]!.id
    model.editing.getSnapshot().board.intents.addNote(unsorted(), 'Anonymous idea')
    expect(noteWriters(doc)).not.toContain(doc.clientID)

    let rebuilt = 0
    model.editing.subscribe(() => rebuilt++)
    model.flowIntents.setAnonymous(false)
    expect(rebuilt).toBe(1)
    model.editing.getSnapshot().board.intents.addNote(unsorted(), 'Signed idea')
    expect(noteWriters(doc)).toContain(doc.clientID)
    expect(model.editing.getSnapshot().board.snapshots.getSnapshot().notes).toSatisfy((notes: object) => Object.keys(notes).length === 2)

    model.flowIntents.setAnonymous(true)
    model.editing.getSnapshot().board.intents.addNote(unsorted(), 'Anonymous again')
    const ownNotes = noteWriters(doc).filter((writer) => writer === doc.clientID)
    expect(ownNotes).toHaveLength(1)
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
