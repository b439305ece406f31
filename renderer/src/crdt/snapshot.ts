/**
 * The board as plain, immutable data for React (useSyncExternalStore). Each rebuild reuses
 * every Note, Column and id list that did not change, so memoized components skip them:
 * on a board of 1,000 notes an edit re-renders one card, not a thousand.
 */
import type * as Y from 'yjs'
import type { BoardSnapshot, Column, Note } from '../../../shared/board'
import { columnsOf, notesOf, readColumns, readNote, shownColumnId } from './boardDoc'
import { createLazySnapshotStore, deepChangesOf, sameItems, type SnapshotStore } from './externalStore'
import { compareOrdered } from './ordering'

export type BoardSnapshotStore = SnapshotStore<BoardSnapshot>

const sameColumn = (a: Column, b: Column) => a.title === b.title && a.order === b.order
const sameNote = (a: Note, b: Note) =>
  a.text === b.text && a.colour === b.colour && a.columnId === b.columnId && a.laneId === b.laneId && a.order === b.order

/** Ids come from peers: a null prototype keeps an id such as "__proto__" an ordinary key. */
const emptyRecord = <T>(): Record<string, T> => Object.create(null) as Record<string, T>

/** Reads the whole board from `doc`, sharing unchanged parts with `previous`. */
export function buildBoardSnapshot(doc: Y.Doc, previous: BoardSnapshot | null): BoardSnapshot {
  const previousColumns = new Map(previous?.columns.map((column) => [column.id, column]))
  const freshColumns = readColumns(doc).map((column) => {
    const before = previousColumns.get(column.id)
    return before && sameColumn(before, column) ? before : column
  })
  const columns = previous && sameItems(previous.columns, freshColumns) ? previous.columns : freshColumns
  const columnIds = new Set(columns.map((column) => column.id))
  const firstColumnId = columns[0]?.id

  const notes = emptyRecord<Note>()
  const notesByColumn = new Map<string, Note[]>(columns.map((column) => [column.id, []]))
  let noteCount = 0
  let everyNoteReused = previous !== null
  notesOf(doc).forEach((entry, id) => {
    const stored = readNote(id, entry)
    if (!stored) return
    const columnId = shownColumnId(stored, columnIds, firstColumnId)
    if (columnId === undefined) return
    const shown = stored.columnId === columnId ? stored : { ...stored, columnId }
    const before = previous?.notes[id]
    const note = before && sameNote(before, shown) ? before : shown
    if (note !== before) everyNoteReused = false
    notes[id] = note
    notesByColumn.get(columnId)?.push(note)
    noteCount++
  })

  const noteIdsByColumn = emptyRecord<string[]>()
  let everyListReused = previous !== null
  for (const column of columns) {
    const ids = (notesByColumn.get(column.id) ?? []).sort(compareOrdered).map((note) => note.id)
    const before = previous?.noteIdsByColumn[column.id]
    noteIdsByColumn[column.id] = before && sameItems(before, ids) ? before : ids
    if (noteIdsByColumn[column.id] !== before) everyListReused = false
  }

  if (
    previous &&
    columns === previous.columns &&
    everyNoteReused &&
    everyListReused &&
    noteCount === Object.keys(previous.notes).length
  ) {
    return previous
  }
  return { columns, noteIdsByColumn, notes }
}

/** A store that rebuilds the snapshot lazily, after the document changed and someone asks. */
export const createBoardSnapshotStore = (doc: Y.Doc): BoardSnapshotStore =>
  createLazySnapshotStore((previous) => buildBoardSnapshot(doc, previous), deepChangesOf(columnsOf(doc), notesOf(doc)))
