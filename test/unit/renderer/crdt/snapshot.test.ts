import * as Y from 'yjs'
import { describe, expect, it, vi } from 'vitest'
import { DOC_KEYS } from '../../../../shared/board'
import { COLUMN_FIELDS, NOTE_FIELDS } from '../../../../renderer/src/crdt/boardDoc'
import { addNote, editNote, moveNote, setWorkshopTitle } from '../../../../renderer/src/crdt/intents'
import { buildBoardSnapshot, createBoardSnapshotStore } from '../../../../renderer/src/crdt/snapshot'
import { CANDIDATES, threeColumnBoard, IDEAS, THEMES } from './boardFixtures'

describe('board snapshots', () => {
  it('keeps every unchanged note, column and list when one note changes', () => {
    const doc = threeColumnBoard()
    const store = createBoardSnapshotStore(doc)
    const ids = Array.from({ length: 1_000 }, (_, i) => addNote(doc, i % 2 ? IDEAS : THEMES, `Note ${i}`).noteId!)
    const before = store.getSnapshot()

    editNote(doc, ids[10]!, 'Changed')
    const after = store.getSnapshot()

    expect(after).not.toBe(before)
    expect(after.notes[ids[10]!]).not.toBe(before.notes[ids[10]!])
    expect(after.notes[ids[10]!]!.text).toBe('Changed')
    const reused = ids.filter((id) => after.notes[id] === before.notes[id])
    expect(reused).toHaveLength(999)
    expect(after.columns).toBe(before.columns)
    expect(after.noteIdsByColumn[IDEAS]).toBe(before.noteIdsByColumn[IDEAS])
    expect(after.noteIdsByColumn[THEMES]).toBe(before.noteIdsByColumn[THEMES])
    store.destroy()
  })

  it('replaces only the lists of the columns a move touched', () => {
    const doc = threeColumnBoard()
    const store = createBoardSnapshotStore(doc)
    const id = addNote(doc, IDEAS, 'Mover').noteId!
    addNote(doc, THEMES, 'Stays')
    const before = store.getSnapshot()
    moveNote(doc, id, CANDIDATES, null, null)
    const after = store.getSnapshot()
    expect(after.noteIdsByColumn[IDEAS]).toEqual([])
    expect(after.noteIdsByColumn[CANDIDATES]).toEqual([id])
    expect(after.noteIdsByColumn[THEMES]).toBe(before.noteIdsByColumn[THEMES])
  })

  it('returns the same snapshot while nothing on the board changed', () => {
    const doc = threeColumnBoard()
    const store = createBoardSnapshotStore(doc)
    addNote(doc, IDEAS, 'Respect')
    const first = store.getSnapshot()
    expect(store.getSnapshot()).toBe(first)
    setWorkshopTitle(doc, 'Only the title changed')
    expect(store.getSnapshot()).toBe(first)
    expect(buildBoardSnapshot(doc, first)).toBe(first)
  })

  it('tells subscribers about changes until they dispose', () => {
    const doc = threeColumnBoard()
    const store = createBoardSnapshotStore(doc)
    const listener = vi.fn()
    const dispose = store.subscribe(listener)
    addNote(doc, IDEAS, 'Heard')
    expect(listener).toHaveBeenCalled()
    dispose()
    listener.mockClear()
    addNote(doc, IDEAS, 'Not heard')
    expect(listener).not.toHaveBeenCalled()
    store.destroy()
  })

  it('reads a damaged board without throwing and hides no note', () => {
    const doc = threeColumnBoard()
    const notes = doc.getMap<unknown>(DOC_KEYS.notes)
    doc.transact(() => {
      notes.set('not-a-map', 'just a string')
      notes.set('odd', new Y.Map<unknown>([[NOTE_FIELDS.text, 42], [NOTE_FIELDS.colour, 'magenta'], [NOTE_FIELDS.columnId, 'gone']]))
      doc.getMap<unknown>(DOC_KEYS.columns).set('broken-column', new Y.Map<unknown>([[COLUMN_FIELDS.title, 7]]))
    })
    const snapshot = buildBoardSnapshot(doc, null)
    expect(snapshot.notes['not-a-map']).toBeUndefined()
    expect(snapshot.notes.odd).toMatchObject({ text: '', colour: 'yellow' })
    const firstColumn = snapshot.columns[0]!.id
    expect(snapshot.noteIdsByColumn[firstColumn]).toContain('odd')
    expect(snapshot.columns.find((column) => column.id === 'broken-column')).toMatchObject({ title: '', order: '' })
  })

  it('keeps ids such as __proto__ as ordinary keys', () => {
    const doc = threeColumnBoard()
    doc.getMap<unknown>(DOC_KEYS.notes).set(
      '__proto__',
      new Y.Map<unknown>([[NOTE_FIELDS.text, 'Sneaky'], [NOTE_FIELDS.columnId, IDEAS], [NOTE_FIELDS.order, 'a0']])
    )
    const snapshot = buildBoardSnapshot(doc, null)
    expect(Object.keys(snapshot.notes)).toEqual(['__proto__'])
    expect(snapshot.noteIdsByColumn[IDEAS]).toEqual(['__proto__'])
  })
})
