/**
 * The board's schema on a Y.Doc: which top-level maps exist, which fields each entry has,
 * and how to read them defensively. A document arrives from disk and from peers, so any
 * field can be missing or of the wrong type; readers fall back instead of throwing.
 */
import * as Y from 'yjs'
import { DOC_KEYS, NOTE_COLOURS, NOTE_FIELDS, type Column, type Note, type NoteColour } from '../../../shared/board'
import { compareOrdered } from './ordering'

/** The origin of every transaction made by this person's own edits: the only ones Undo reverts. */
export const LOCAL_ORIGIN = 'local'

/** Field names inside each entry. Never rename: saved files and other peers use them. */
export const COLUMN_FIELDS = { title: 'title', order: 'order' } as const
export { NOTE_FIELDS } from '../../../shared/board'
export { META_FIELDS } from '../../../shared/workshopMeta'
/** A lane has a column's fields, and may say what it is for (see LaneKind). */
export const LANE_FIELDS = { ...COLUMN_FIELDS, kind: 'kind' } as const

/** Column id → Y.Map of COLUMN_FIELDS. Values are `unknown` because a peer may have written anything. */
export const columnsOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(DOC_KEYS.columns)
/** Note id → Y.Map of NOTE_FIELDS. */
export const notesOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(DOC_KEYS.notes)
export const metaOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(DOC_KEYS.meta)
/** Lane id → Y.Map of COLUMN_FIELDS (a lane is titled and ordered like a column). */
export const lanesOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(DOC_KEYS.lanes)

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
    laneId: stringField(fields, NOTE_FIELDS.laneId),
    order: stringField(fields, NOTE_FIELDS.order)
  }
}

function readOrdered(map: Y.Map<unknown>): Column[] {
  const entries: Column[] = []
  map.forEach((entry, id) => {
    const read = readColumn(id, entry)
    if (read) entries.push(read)
  })
  return entries.sort(compareOrdered)
}

export const readColumns = (doc: Y.Doc): Column[] => readOrdered(columnsOf(doc))
/** The journey map's lanes, top to bottom. */
export const readLanes = (doc: Y.Doc): Column[] => readOrdered(lanesOf(doc))

/**
 * The column a note is shown in: its own, or the first column when its own does not exist
 * (a faulty peer or an edited file), so no note is ever silently hidden.
 */
export function shownColumnId(note: Note, columnIds: ReadonlySet<string>, firstColumnId: string | undefined): string | undefined {
  return columnIds.has(note.columnId) ? note.columnId : firstColumnId
}

/** The lane a journey note is shown in: its own, or the first lane, as with columns. */
export function shownLaneId(note: Note, laneIds: ReadonlySet<string>, firstLaneId: string | undefined): string | undefined {
  return laneIds.has(note.laneId) ? note.laneId : firstLaneId
}

/**
 * The notes shown in `columnId`, in board order; with `laneId`, only those of that lane (a
 * journey map's cell).
 */
export function notesInColumn(doc: Y.Doc, columnId: string, laneId?: string): Note[] {
  const columns = readColumns(doc)
  const columnIds = new Set(columns.map((column) => column.id))
  const lanes = laneId === undefined ? [] : readLanes(doc)
  const laneIds = new Set(lanes.map((lane) => lane.id))
  const notes: Note[] = []
  notesOf(doc).forEach((entry, id) => {
    const note = readNote(id, entry)
    if (!note || shownColumnId(note, columnIds, columns[0]?.id) !== columnId) return
    if (laneId === undefined || shownLaneId(note, laneIds, lanes[0]?.id) === laneId) notes.push(note)
  })
  return notes.sort(compareOrdered)
}

/** The live Y.Map of a note, or null when there is no such (readable) note. */
export function noteEntry(doc: Y.Doc, noteId: string): Y.Map<unknown> | null {
  const entry = notesOf(doc).get(noteId)
  return entry instanceof Y.Map ? (entry as Y.Map<unknown>) : null
}
