/**
 * The board's schema on a Y.Doc: which top-level maps exist, which fields each entry has,
 * and how to read them defensively. A document arrives from disk and from peers, so any
 * field can be missing or of the wrong type; readers fall back instead of throwing.
 */
import * as Y from 'yjs'
import { DOC_KEYS, NOTE_COLOURS, type Column, type Note, type NoteColour } from '../../../shared/board'
import { compareOrdered } from './ordering'

/** The origin of every transaction made by this person's own edits: the only ones Undo reverts. */
export const LOCAL_ORIGIN = 'local'

/** Field names inside each entry. Never rename: saved files and other peers use them. */
export const COLUMN_FIELDS = { title: 'title', order: 'order' } as const
export const NOTE_FIELDS = { text: 'text', colour: 'colour', columnId: 'columnId', order: 'order' } as const
export const META_FIELDS = { title: 'title', template: 'template' } as const

/** Column id → Y.Map of COLUMN_FIELDS. Values are `unknown` because a peer may have written anything. */
export const columnsOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(DOC_KEYS.columns)
/** Note id → Y.Map of NOTE_FIELDS. */
export const notesOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(DOC_KEYS.notes)
export const metaOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(DOC_KEYS.meta)

function stringField(entry: Y.Map<unknown>, field: string): string {
  const value = entry.get(field)
  return typeof value === 'string' ? value : ''
}

const isNoteColour = (value: unknown): value is NoteColour => NOTE_COLOURS.includes(value as NoteColour)

export function readColumn(id: string, entry: unknown): Column | null {
  if (!(entry instanceof Y.Map)) return null
  const fields = entry as Y.Map<unknown>
  return { id, title: stringField(fields, COLUMN_FIELDS.title), order: stringField(fields, COLUMN_FIELDS.order) }
}

/** A note as written in the document; its columnId may name a column that does not exist. */
export function readNote(id: string, entry: unknown): Note | null {
  if (!(entry instanceof Y.Map)) return null
  const fields = entry as Y.Map<unknown>
  const colour = fields.get(NOTE_FIELDS.colour)
  return {
    id,
    text: stringField(fields, NOTE_FIELDS.text),
    colour: isNoteColour(colour) ? colour : NOTE_COLOURS[0],
    columnId: stringField(fields, NOTE_FIELDS.columnId),
    order: stringField(fields, NOTE_FIELDS.order)
  }
}

export function readColumns(doc: Y.Doc): Column[] {
  const columns: Column[] = []
  columnsOf(doc).forEach((entry, id) => {
    const column = readColumn(id, entry)
    if (column) columns.push(column)
  })
  return columns.sort(compareOrdered)
}

/**
 * The column a note is shown in: its own, or the first column when its own does not exist
 * (a faulty peer or an edited file), so no note is ever silently hidden.
 */
export function shownColumnId(note: Note, columnIds: ReadonlySet<string>, firstColumnId: string | undefined): string | undefined {
  return columnIds.has(note.columnId) ? note.columnId : firstColumnId
}

/** The notes shown in `columnId`, in board order. */
export function notesInColumn(doc: Y.Doc, columnId: string): Note[] {
  const columns = readColumns(doc)
  const columnIds = new Set(columns.map((column) => column.id))
  const notes: Note[] = []
  notesOf(doc).forEach((entry, id) => {
    const note = readNote(id, entry)
    if (note && shownColumnId(note, columnIds, columns[0]?.id) === columnId) notes.push(note)
  })
  return notes.sort(compareOrdered)
}

/** The live Y.Map of a note, or null when there is no such (readable) note. */
export function noteEntry(doc: Y.Doc, noteId: string): Y.Map<unknown> | null {
  const entry = notesOf(doc).get(noteId)
  return entry instanceof Y.Map ? (entry as Y.Map<unknown>) : null
}
