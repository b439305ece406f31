import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { DOC_KEYS, NOTE_TEXT_MAX_LENGTH } from '../../../../shared/board'
import { TEMPLATES } from '../../../../shared/templates'
import { LOCAL_ORIGIN, META_FIELDS, NOTE_FIELDS, notesInColumn, readLanes } from '../../../../renderer/src/crdt/boardDoc'
import {
  addColumn,
  addNote,
  deleteNote,
  editNote,
  mergeColumns,
  moveNote,
  recolourNote,
  renameColumn,
  seedBoard,
  setWorkshopTitle
} from '../../../../renderer/src/crdt/intents'
import { buildBoardSnapshot } from '../../../../renderer/src/crdt/snapshot'
import { CANDIDATES, threeColumnBoard, IDEAS, textsIn, THEMES } from './boardFixtures'

function add(doc: Y.Doc, columnId: string, text: string): string {
  const { noteId } = addNote(doc, columnId, text)
  if (!noteId) throw new Error(`could not add ${text}`)
  return noteId
}
const orderOf = (doc: Y.Doc, noteId: string) => buildBoardSnapshot(doc, null).notes[noteId]!.order

describe('seedBoard', () => {
  it('gives an empty board the template columns, left to right, once', () => {
    const doc = new Y.Doc()
    expect(seedBoard(doc, TEMPLATES['journey-map'])).toBe(true)
    expect(seedBoard(doc, TEMPLATES['journey-map'])).toBe(false)
    expect(seedBoard(doc, TEMPLATES['core-values'])).toBe(false)
    expect(buildBoardSnapshot(doc, null).columns.map((column) => column.title)).toEqual([
      'Attract',
      'Recruit',
      'Onboard',
      'Develop',
      'Retain',
      'Exit'
    ])
    expect(doc.getMap(DOC_KEYS.meta).get(META_FIELDS.template)).toBe('journey-map')
    expect(readLanes(doc).map((lane) => lane.title)).toEqual(TEMPLATES['journey-map'].lanes.map((lane) => lane.title))
  })

  it('gives a journey map saved before lanes existed its lanes, keeping its columns and notes', () => {
    const doc = new Y.Doc()
    seedBoard(doc, { ...TEMPLATES['journey-map'], lanes: [] })
    const { noteId } = addNote(doc, 'column-2', 'Long wait for a laptop')
    expect(seedBoard(doc, TEMPLATES['journey-map'])).toBe(true)
    expect(readLanes(doc)).toHaveLength(6)
    // The note has no lane yet: it shows in the first lane of its stage.
    expect(notesInColumn(doc, 'column-2', readLanes(doc)[0]!.id).map((note) => note.id)).toEqual([noteId])
  })

  it('writes the template of a board without columns (the program plan) once', () => {
    const doc = new Y.Doc()
    expect(seedBoard(doc, TEMPLATES['program-plan'])).toBe(true)
    expect(seedBoard(doc, TEMPLATES['program-plan'])).toBe(false)
    expect(doc.getMap(DOC_KEYS.meta).get(META_FIELDS.template)).toBe('program-plan')
  })
})

describe('addNote', () => {
  it('appends at the end of the column, trimmed, in yellow unless told otherwise', () => {
    const doc = threeColumnBoard()
    const first = add(doc, IDEAS, '  Call the customer back  ')
    const second = addNote(doc, IDEAS, 'Own the problem', 'pink').noteId!
    expect(textsIn(doc, IDEAS)).toEqual(['Call the customer back', 'Own the problem'])
    expect(orderOf(doc, first) < orderOf(doc, second)).toBe(true)
    const notes = buildBoardSnapshot(doc, null).notes
    expect(notes[first]!.colour).toBe('yellow')
    expect(notes[second]!.colour).toBe('pink')
  })

  it('adds nothing for blank text or a column that does not exist', () => {
    const doc = threeColumnBoard()
    expect(addNote(doc, IDEAS, '  \n ')).toEqual({ noteId: null, truncated: false })
    expect(addNote(doc, 'no-such-column', 'Lost').noteId).toBeNull()
    expect(textsIn(doc, IDEAS)).toEqual([])
  })

  it('cuts a 10 MB text to a note’s length and says so', () => {
    const doc = threeColumnBoard()
    const result = addNote(doc, IDEAS, 'x'.repeat(10 * 1024 * 1024))
    expect(result.truncated).toBe(true)
    expect(textsIn(doc, IDEAS)[0]).toHaveLength(NOTE_TEXT_MAX_LENGTH)
  })
})

describe('editNote, recolourNote, deleteNote', () => {
  it('edits the text, cutting it to a note’s length', () => {
    const doc = threeColumnBoard()
    const id = add(doc, IDEAS, 'Curiosity')
    expect(editNote(doc, id, ' Curiosity about customers ')).toEqual({ changed: true, truncated: false })
    expect(textsIn(doc, IDEAS)).toEqual(['Curiosity about customers'])
    expect(editNote(doc, id, 'y'.repeat(600))).toEqual({ changed: true, truncated: true })
    expect(textsIn(doc, IDEAS)[0]).toHaveLength(NOTE_TEXT_MAX_LENGTH)
  })

  it('ignores a blank or unchanged edit and unknown notes', () => {
    const doc = threeColumnBoard()
    const id = add(doc, IDEAS, 'Respect')
    expect(editNote(doc, id, '   ').changed).toBe(false)
    expect(editNote(doc, id, 'Respect').changed).toBe(false)
    expect(editNote(doc, 'missing', 'Text').changed).toBe(false)
    expect(textsIn(doc, IDEAS)).toEqual(['Respect'])
  })

  it('recolours and deletes a note', () => {
    const doc = threeColumnBoard()
    const id = add(doc, IDEAS, 'Integrity')
    expect(recolourNote(doc, id, 'blue')).toBe(true)
    expect(recolourNote(doc, id, 'blue')).toBe(false)
    expect(buildBoardSnapshot(doc, null).notes[id]!.colour).toBe('blue')
    expect(deleteNote(doc, id)).toBe(true)
    expect(deleteNote(doc, id)).toBe(false)
    expect(textsIn(doc, IDEAS)).toEqual([])
  })
})

describe('moveNote', () => {
  function threeIdeas() {
    const doc = threeColumnBoard()
    const ids = ['one', 'two', 'three'].map((text) => add(doc, IDEAS, text)) as [string, string, string]
    return { doc, ids }
  }

  it('reorders within a column with a key between the new neighbours, touching no one else', () => {
    const { doc, ids } = threeIdeas()
    const [one, two, three] = ids
    const before = { one: orderOf(doc, one), two: orderOf(doc, two) }
    expect(moveNote(doc, three, IDEAS, one, two)).toBe(true)
    expect(textsIn(doc, IDEAS)).toEqual(['one', 'three', 'two'])
    expect(orderOf(doc, one)).toBe(before.one)
    expect(orderOf(doc, two)).toBe(before.two)
    expect(before.one < orderOf(doc, three) && orderOf(doc, three) < before.two).toBe(true)
  })

  it('moves to the top and to the bottom of a column', () => {
    const { doc, ids } = threeIdeas()
    const [one, , three] = ids
    moveNote(doc, three, IDEAS, null, one)
    expect(textsIn(doc, IDEAS)).toEqual(['three', 'one', 'two'])
    moveNote(doc, three, IDEAS, ids[1], null)
    expect(textsIn(doc, IDEAS)).toEqual(['one', 'two', 'three'])
  })

  it('moves into an empty column and between columns', () => {
    const { doc, ids } = threeIdeas()
    expect(moveNote(doc, ids[1], CANDIDATES, null, null)).toBe(true)
    expect(textsIn(doc, CANDIDATES)).toEqual(['two'])
    expect(moveNote(doc, ids[0], CANDIDATES, null, ids[1])).toBe(true)
    expect(textsIn(doc, CANDIDATES)).toEqual(['one', 'two'])
    expect(textsIn(doc, IDEAS)).toEqual(['three'])
    expect(buildBoardSnapshot(doc, null).notes[ids[0]]!.columnId).toBe(CANDIDATES)
  })

  it('changes nothing when the note is already there, or the note or column is gone', () => {
    const { doc, ids } = threeIdeas()
    let updates = 0
    doc.on('update', () => updates++)
    expect(moveNote(doc, ids[1], IDEAS, ids[0], ids[2])).toBe(false)
    expect(moveNote(doc, 'missing', IDEAS, null, null)).toBe(false)
    expect(moveNote(doc, ids[1], 'missing', null, null)).toBe(false)
    expect(updates).toBe(0)
  })

  it('falls back to the remaining neighbour when the other was deleted meanwhile', () => {
    const { doc, ids } = threeIdeas()
    const themed = add(doc, THEMES, 'theme')
    deleteNote(doc, themed)
    moveNote(doc, ids[0], IDEAS, themed, ids[2])
    expect(textsIn(doc, IDEAS)).toEqual(['two', 'one', 'three'])
  })

  it('drops a note between two notes that peers gave the same key', () => {
    const doc = threeColumnBoard()
    const [a, b, c] = ['a', 'b', 'c'].map((text) => add(doc, IDEAS, text)) as [string, string, string]
    const mover = add(doc, THEMES, 'mover')
    const notes = doc.getMap<Y.Map<unknown>>(DOC_KEYS.notes)
    doc.transact(() => notes.get(b)!.set(NOTE_FIELDS.order, notes.get(a)!.get(NOTE_FIELDS.order)), 'remote')
    const [upper, lower] = notesInColumn(doc, IDEAS).map((note) => note.id)
    moveNote(doc, mover, IDEAS, upper!, lower!)
    const expected = [upper, mover, lower, c].map((id) => buildBoardSnapshot(doc, null).notes[id!]!.text)
    expect(textsIn(doc, IDEAS)).toEqual(expected)
  })
})

describe('clusters (columns)', () => {
  it('are added at the end, renamed, and cleaned of blank space', () => {
    const doc = threeColumnBoard()
    const id = addColumn(doc, '  Customer   first ')!
    expect(addColumn(doc, '   ')).toBeNull()
    expect(buildBoardSnapshot(doc, null).columns.at(-1)).toMatchObject({ id, title: 'Customer first' })
    expect(renameColumn(doc, id, 'Customer obsessed')).toBe(true)
    expect(renameColumn(doc, id, 'Customer obsessed')).toBe(false)
    expect(renameColumn(doc, 'column-missing', 'x')).toBe(false)
    expect(buildBoardSnapshot(doc, null).columns.at(-1)!.title).toBe('Customer obsessed')
  })

  it("merge: the notes go below the other cluster's, in their order, and the cluster goes", () => {
    const doc = threeColumnBoard()
    add(doc, THEMES, 'kept 1')
    for (const text of ['moved 1', 'moved 2']) add(doc, IDEAS, text)
    expect(mergeColumns(doc, IDEAS, THEMES)).toBe(true)
    expect(textsIn(doc, THEMES)).toEqual(['kept 1', 'moved 1', 'moved 2'])
    expect(buildBoardSnapshot(doc, null).columns.map((column) => column.id)).not.toContain(IDEAS)
    expect(mergeColumns(doc, THEMES, THEMES)).toBe(false)
  })

  it('merge renumbers when a faulty peer left a key that is not a fractional index', () => {
    const doc = threeColumnBoard()
    const kept = add(doc, THEMES, 'kept')
    add(doc, IDEAS, 'moved')
    doc.getMap<Y.Map<unknown>>(DOC_KEYS.notes).get(kept)!.set(NOTE_FIELDS.order, '!!')
    mergeColumns(doc, IDEAS, THEMES)
    expect(textsIn(doc, THEMES)).toEqual(['kept', 'moved'])
  })
})

describe('every intent', () => {
  it('runs as one transaction marked LOCAL_ORIGIN', () => {
    const doc = threeColumnBoard()
    const origins: unknown[] = []
    doc.on('afterTransaction', (transaction) => origins.push(transaction.origin))
    const id = add(doc, IDEAS, 'Ownership')
    editNote(doc, id, 'Ownership, always')
    recolourNote(doc, id, 'green')
    moveNote(doc, id, THEMES, null, null)
    setWorkshopTitle(doc, 'Values offsite')
    deleteNote(doc, id)
    expect(origins).toEqual(Array(6).fill(LOCAL_ORIGIN))
  })
})
