/**
 * Every change a person can make to a board. Each one is a single transaction with
 * LOCAL_ORIGIN, so it syncs as one update and Undo reverts it as one step. Components call
 * these (through bindBoardIntents) and never touch Yjs.
 */
import { generateNKeysBetween } from 'fractional-indexing'
import * as Y from 'yjs'
import { NOTE_COLOURS, type NoteColour } from '../../../shared/board'
import type { Template } from '../../../shared/templates'
import {
  columnsOf,
  LOCAL_ORIGIN,
  META_FIELDS,
  metaOf,
  COLUMN_FIELDS,
  LANE_FIELDS,
  lanesOf,
  NOTE_FIELDS,
  noteEntry,
  notesInColumn,
  notesOf,
  readColumn,
  readColumns,
  readNote
} from './boardDoc'
import { newId } from './ids'
import { cleanNoteText, limitLength } from './noteText'
import { initialOrders, insertionIndex, placeAt, type Ordered } from './ordering'

export interface AddNoteResult {
  /** Null when nothing was added: the text was blank or the column is gone. */
  noteId: string | null
  /** The text was longer than a note holds and was cut: show NOTE_TOO_LONG_MESSAGE. */
  truncated: boolean
}

export interface EditNoteResult {
  changed: boolean
  truncated: boolean
}

const columnExists = (doc: Y.Doc, columnId: string) => readColumn(columnId, columnsOf(doc).get(columnId)) !== null
const laneExists = (doc: Y.Doc, laneId: string) => readColumn(laneId, lanesOf(doc).get(laneId)) !== null

function applyNewOrders(doc: Y.Doc, rekeyed: readonly Ordered[]): void {
  for (const { id, order } of rekeyed) noteEntry(doc, id)?.set(NOTE_FIELDS.order, order)
}

/**
 * Gives a board what its template starts with: the columns when it has none, the lanes (a
 * journey map's) when it has none, and the template's name. Ids follow the template's
 * positions, so two peers who seed the same board at once write the same entries instead of
 * doubling them. A journey map saved before it had lanes gets them here. Returns false when
 * there was nothing to add.
 */
export function seedBoard(doc: Y.Doc, template: Template): boolean {
  const columns = columnsOf(doc)
  const lanes = lanesOf(doc)
  const meta = metaOf(doc)
  const seedColumns = columns.size === 0 && template.columns.length > 0
  const seedLanes = lanes.size === 0 && template.lanes.length > 0
  if (!seedColumns && !seedLanes && meta.has(META_FIELDS.template)) return false
  const entry = (title: string, order: string, more: Array<[string, unknown]> = []) =>
    new Y.Map<unknown>([[COLUMN_FIELDS.title, title], [COLUMN_FIELDS.order, order], ...more])
  doc.transact(() => {
    if (seedColumns) {
      const orders = initialOrders(template.columns.length)
      template.columns.forEach((title, i) => columns.set(`column-${i + 1}`, entry(title, orders[i]!)))
    }
    if (seedLanes) {
      const orders = initialOrders(template.lanes.length)
      template.lanes.forEach(({ title, kind }, i) =>
        lanes.set(`lane-${i + 1}`, entry(title, orders[i]!, kind ? [[LANE_FIELDS.kind, kind]] : []))
      )
    }
    if (!meta.has(META_FIELDS.template)) meta.set(META_FIELDS.template, template.id)
  }, LOCAL_ORIGIN)
  return true
}

/** Keeps the title in the document too, for participants who have no library. */
export function setWorkshopTitle(doc: Y.Doc, title: string): void {
  const meta = metaOf(doc)
  if (meta.get(META_FIELDS.title) === title) return
  doc.transact(() => meta.set(META_FIELDS.title, title), LOCAL_ORIGIN)
}

/**
 * Adds a note at the end of a column (with `laneId`, at the end of that journey-map cell).
 * The text is trimmed and cut to a note's length.
 */
export function addNote(
  doc: Y.Doc,
  columnId: string,
  text: string,
  colour: NoteColour = NOTE_COLOURS[0],
  laneId?: string
): AddNoteResult {
  const { text: cleanText, truncated } = cleanNoteText(text)
  if (!cleanText || !columnExists(doc, columnId) || (laneId !== undefined && !laneExists(doc, laneId))) {
    return { noteId: null, truncated }
  }
  const noteId = newId()
  doc.transact(() => {
    const siblings = notesInColumn(doc, columnId, laneId)
    const placement = placeAt(siblings, siblings.length)
    applyNewOrders(doc, placement.rekeyed)
    const fields: Array<[string, unknown]> = [
      [NOTE_FIELDS.text, cleanText],
      [NOTE_FIELDS.colour, colour],
      [NOTE_FIELDS.columnId, columnId],
      [NOTE_FIELDS.order, placement.order]
    ]
    if (laneId !== undefined) fields.push([NOTE_FIELDS.laneId, laneId])
    notesOf(doc).set(noteId, new Y.Map<unknown>(fields))
  }, LOCAL_ORIGIN)
  return { noteId, truncated }
}

/** Replaces a note's text. Blank text changes nothing: deleting is a separate, deliberate act. */
export function editNote(doc: Y.Doc, noteId: string, text: string): EditNoteResult {
  const { text: cleanText, truncated } = cleanNoteText(text)
  const entry = noteEntry(doc, noteId)
  if (!entry || !cleanText || entry.get(NOTE_FIELDS.text) === cleanText) return { changed: false, truncated }
  doc.transact(() => entry.set(NOTE_FIELDS.text, cleanText), LOCAL_ORIGIN)
  return { changed: true, truncated }
}

export function recolourNote(doc: Y.Doc, noteId: string, colour: NoteColour): boolean {
  const entry = noteEntry(doc, noteId)
  if (!entry || entry.get(NOTE_FIELDS.colour) === colour) return false
  doc.transact(() => entry.set(NOTE_FIELDS.colour, colour), LOCAL_ORIGIN)
  return true
}

export function deleteNote(doc: Y.Doc, noteId: string): boolean {
  const notes = notesOf(doc)
  if (!notes.has(noteId)) return false
  doc.transact(() => notes.delete(noteId), LOCAL_ORIGIN)
  return true
}

/**
 * Moves a note into `toColumnId` (with `toLaneId`, into that journey-map cell) between two
 * neighbours: `beforeId` is the note that will sit just above it, `afterId` the one just
 * below (null at either end). The note gets a fractional order key between theirs, so
 * concurrent moves by others keep their places. Returns false when nothing changed (the
 * note is already there, or it, the column or the lane is gone).
 */
export function moveNote(
  doc: Y.Doc,
  noteId: string,
  toColumnId: string,
  beforeId: string | null,
  afterId: string | null,
  toLaneId?: string
): boolean {
  const entry = noteEntry(doc, noteId)
  const note = entry && readNote(noteId, entry)
  if (!entry || !note || !columnExists(doc, toColumnId)) return false
  if (toLaneId !== undefined && !laneExists(doc, toLaneId)) return false
  const shown = notesInColumn(doc, toColumnId, toLaneId)
  const siblings = shown.filter((sibling) => sibling.id !== noteId)
  const index = insertionIndex(siblings, beforeId, afterId)
  const currentIndex = shown.findIndex((sibling) => sibling.id === noteId)
  const changesLane = toLaneId !== undefined && note.laneId !== toLaneId
  if (currentIndex === index && note.columnId === toColumnId && !changesLane) return false
  const placement = placeAt(siblings, index)
  doc.transact(() => {
    applyNewOrders(doc, placement.rekeyed)
    if (note.columnId !== toColumnId) entry.set(NOTE_FIELDS.columnId, toColumnId)
    if (changesLane) entry.set(NOTE_FIELDS.laneId, toLaneId)
    entry.set(NOTE_FIELDS.order, placement.order)
  }, LOCAL_ORIGIN)
  return true
}

export const COLUMN_TITLE_MAX_LENGTH = 80

/** A column's (or lane's) title as stored: one line, trimmed, at most COLUMN_TITLE_MAX_LENGTH. */
const cleanColumnTitle = (title: string) => limitLength(title.replace(/\s+/g, ' ').trim(), COLUMN_TITLE_MAX_LENGTH).text.trim()

/** Adds a column (in the core-values workshop: a cluster) after the last one. Null for a blank title. */
export function addColumn(doc: Y.Doc, title: string): string | null {
  return addTitledEntry(doc, columnsOf(doc), 'column', readColumns(doc), title)
}

export function renameColumn(doc: Y.Doc, columnId: string, title: string): boolean {
  return renameTitledEntry(doc, columnsOf(doc), columnId, title)
}

/**
 * Adds a titled, ordered entry (a column, a journey map's lane) after `existing`, under an id
 * starting with `idPrefix`. Null for a blank title.
 */
export function addTitledEntry(doc: Y.Doc, map: Y.Map<unknown>, idPrefix: string, existing: readonly Ordered[], title: string): string | null {
  const clean = cleanColumnTitle(title)
  if (!clean) return null
  const id = `${idPrefix}-${newId()}`
  doc.transact(() => {
    map.set(
      id,
      new Y.Map<unknown>([
        [COLUMN_FIELDS.title, clean],
        [COLUMN_FIELDS.order, placeAt(existing, existing.length).order]
      ])
    )
  }, LOCAL_ORIGIN)
  return id
}

/** Renames a titled entry of `map` (a column, a lane). False for a blank title or nothing changed. */
export function renameTitledEntry(doc: Y.Doc, map: Y.Map<unknown>, id: string, title: string): boolean {
  const clean = cleanColumnTitle(title)
  const entry = map.get(id)
  if (!clean || !(entry instanceof Y.Map) || entry.get(COLUMN_FIELDS.title) === clean) return false
  doc.transact(() => entry.set(COLUMN_FIELDS.title, clean), LOCAL_ORIGIN)
  return true
}

/**
 * Merges one column into another: its notes go below the other's, in their order, and the
 * emptied column is removed. One transaction, so undo brings the column back whole.
 */
export function mergeColumns(doc: Y.Doc, fromId: string, intoId: string): boolean {
  if (fromId === intoId || !columnExists(doc, fromId) || !columnExists(doc, intoId)) return false
  const moving = notesInColumn(doc, fromId)
  const target = notesInColumn(doc, intoId)
  let placed: Ordered[]
  try {
    const keys = generateNKeysBetween(target.at(-1)?.order ?? null, null, moving.length)
    placed = moving.map((note, i) => ({ id: note.id, order: keys[i]! }))
  } catch {
    // A key that is not a fractional index (a faulty peer, an edited file): renumber both.
    const keys = initialOrders(target.length + moving.length)
    placed = [...target, ...moving].map((note, i) => ({ id: note.id, order: keys[i]! }))
  }
  doc.transact(() => {
    for (const note of moving) noteEntry(doc, note.id)?.set(NOTE_FIELDS.columnId, intoId)
    applyNewOrders(doc, placed)
    columnsOf(doc).delete(fromId)
  }, LOCAL_ORIGIN)
  return true
}

/** The intents bound to one document: what components receive, with no Yjs type in sight. */
export interface BoardIntents {
  addNote(columnId: string, text: string, colour?: NoteColour, laneId?: string): AddNoteResult
  editNote(noteId: string, text: string): EditNoteResult
  recolourNote(noteId: string, colour: NoteColour): boolean
  deleteNote(noteId: string): boolean
  moveNote(noteId: string, toColumnId: string, beforeId: string | null, afterId: string | null, toLaneId?: string): boolean
  setWorkshopTitle(title: string): void
  addColumn(title: string): string | null
  renameColumn(columnId: string, title: string): boolean
  mergeColumns(fromId: string, intoId: string): boolean
}

export function bindBoardIntents(doc: Y.Doc): BoardIntents {
  return {
    addNote: (columnId, text, colour, laneId) => addNote(doc, columnId, text, colour, laneId),
    editNote: (noteId, text) => editNote(doc, noteId, text),
    recolourNote: (noteId, colour) => recolourNote(doc, noteId, colour),
    deleteNote: (noteId) => deleteNote(doc, noteId),
    moveNote: (noteId, toColumnId, beforeId, afterId, toLaneId) => moveNote(doc, noteId, toColumnId, beforeId, afterId, toLaneId),
    setWorkshopTitle: (title) => setWorkshopTitle(doc, title),
    addColumn: (title) => addColumn(doc, title),
    renameColumn: (columnId, title) => renameColumn(doc, columnId, title),
    mergeColumns: (fromId, intoId) => mergeColumns(doc, fromId, intoId)
  }
}
