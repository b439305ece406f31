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

function applyNewOrders(doc: Y.Doc, rekeyed: readonly Ordered[]): void {
  for (const { id, order } of rekeyed) noteEntry(doc, id)?.set(NOTE_FIELDS.order, order)
}

/**
 * Gives an empty board the template's columns. Column ids follow the template's positions,
 * so two peers who seed the same board at once write the same columns instead of doubling them.
 * Returns false when the board already has columns.
 */
export function seedColumns(doc: Y.Doc, template: Template): boolean {
  const columns = columnsOf(doc)
  if (columns.size > 0) return false
  const orders = initialOrders(template.columns.length)
  doc.transact(() => {
    template.columns.forEach((title, i) => {
      columns.set(
        `column-${i + 1}`,
        new Y.Map<unknown>([
          [COLUMN_FIELDS.title, title],
          [COLUMN_FIELDS.order, orders[i]]
        ])
      )
    })
    metaOf(doc).set(META_FIELDS.template, template.id)
  }, LOCAL_ORIGIN)
  return true
}

/** Keeps the title in the document too, for participants who have no library. */
export function setWorkshopTitle(doc: Y.Doc, title: string): void {
  const meta = metaOf(doc)
  if (meta.get(META_FIELDS.title) === title) return
  doc.transact(() => meta.set(META_FIELDS.title, title), LOCAL_ORIGIN)
}

/** Adds a note at the end of a column. The text is trimmed and cut to a note's length. */
export function addNote(doc: Y.Doc, columnId: string, text: string, colour: NoteColour = NOTE_COLOURS[0]): AddNoteResult {
  const { text: cleanText, truncated } = cleanNoteText(text)
  if (!cleanText || !columnExists(doc, columnId)) return { noteId: null, truncated }
  const noteId = newId()
  doc.transact(() => {
    const siblings = notesInColumn(doc, columnId)
    const placement = placeAt(siblings, siblings.length)
    applyNewOrders(doc, placement.rekeyed)
    notesOf(doc).set(
      noteId,
      new Y.Map<unknown>([
        [NOTE_FIELDS.text, cleanText],
        [NOTE_FIELDS.colour, colour],
        [NOTE_FIELDS.columnId, columnId],
        [NOTE_FIELDS.order, placement.order]
      ])
    )
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
 * Moves a note into `toColumnId` between two neighbours: `beforeId` is the note that will
 * sit just above it, `afterId` the one just below (null at either end). The note gets a
 * fractional order key between theirs, so concurrent moves by others keep their places.
 * Returns false when nothing changed (the note is already there, or it or the column is gone).
 */
export function moveNote(
  doc: Y.Doc,
  noteId: string,
  toColumnId: string,
  beforeId: string | null,
  afterId: string | null
): boolean {
  const entry = noteEntry(doc, noteId)
  const note = entry && readNote(noteId, entry)
  if (!entry || !note || !columnExists(doc, toColumnId)) return false
  const shown = notesInColumn(doc, toColumnId)
  const siblings = shown.filter((sibling) => sibling.id !== noteId)
  const index = insertionIndex(siblings, beforeId, afterId)
  const currentIndex = shown.findIndex((sibling) => sibling.id === noteId)
  if (currentIndex === index && note.columnId === toColumnId) return false
  const placement = placeAt(siblings, index)
  doc.transact(() => {
    applyNewOrders(doc, placement.rekeyed)
    if (note.columnId !== toColumnId) entry.set(NOTE_FIELDS.columnId, toColumnId)
    entry.set(NOTE_FIELDS.order, placement.order)
  }, LOCAL_ORIGIN)
  return true
}

export const COLUMN_TITLE_MAX_LENGTH = 80

const cleanColumnTitle = (title: string) => limitLength(title.replace(/\s+/g, ' ').trim(), COLUMN_TITLE_MAX_LENGTH).text.trim()

/** Adds a column (in the core-values workshop: a cluster) after the last one. Null for a blank title. */
export function addColumn(doc: Y.Doc, title: string): string | null {
  const clean = cleanColumnTitle(title)
  if (!clean) return null
  const id = `column-${newId()}`
  doc.transact(() => {
    const columns = readColumns(doc)
    columnsOf(doc).set(
      id,
      new Y.Map<unknown>([
        [COLUMN_FIELDS.title, clean],
        [COLUMN_FIELDS.order, placeAt(columns, columns.length).order]
      ])
    )
  }, LOCAL_ORIGIN)
  return id
}

export function renameColumn(doc: Y.Doc, columnId: string, title: string): boolean {
  const clean = cleanColumnTitle(title)
  const entry = columnsOf(doc).get(columnId)
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
  addNote(columnId: string, text: string, colour?: NoteColour): AddNoteResult
  editNote(noteId: string, text: string): EditNoteResult
  recolourNote(noteId: string, colour: NoteColour): boolean
  deleteNote(noteId: string): boolean
  moveNote(noteId: string, toColumnId: string, beforeId: string | null, afterId: string | null): boolean
  setWorkshopTitle(title: string): void
  addColumn(title: string): string | null
  renameColumn(columnId: string, title: string): boolean
  mergeColumns(fromId: string, intoId: string): boolean
}

export function bindBoardIntents(doc: Y.Doc): BoardIntents {
  return {
    addNote: (columnId, text, colour) => addNote(doc, columnId, text, colour),
    editNote: (noteId, text) => editNote(doc, noteId, text),
    recolourNote: (noteId, colour) => recolourNote(doc, noteId, colour),
    deleteNote: (noteId) => deleteNote(doc, noteId),
    moveNote: (noteId, toColumnId, beforeId, afterId) => moveNote(doc, noteId, toColumnId, beforeId, afterId),
    setWorkshopTitle: (title) => setWorkshopTitle(doc, title),
    addColumn: (title) => addColumn(doc, title),
    renameColumn: (columnId, title) => renameColumn(doc, columnId, title),
    mergeColumns: (fromId, intoId) => mergeColumns(doc, fromId, intoId)
  }
}
