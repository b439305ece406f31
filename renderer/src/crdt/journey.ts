/**
 * The employee-journey map on a Y.Doc. Its journey stages are the board's columns (left to
 * right), its lanes a second ordered map (top to bottom), and each note sits in one cell:
 * its column and its lane. A note whose lane is gone or unknown shows in the first lane, as
 * a note whose column is gone shows in the first column: nothing is ever silently hidden.
 *
 * Opportunities can carry a link to a value of a finalized core-values workshop; the link
 * holds the value's name and that workshop's title, so every peer can show it without a
 * library of its own.
 */
import * as Y from 'yjs'
import type { BoardSnapshot, Column, Note } from '../../../shared/board'
import { LANE_KINDS, type LaneKind } from '../../../shared/templates'
import { TITLE_MAX_LENGTH } from '../../../shared/workshop'
import {
  columnsOf,
  COLUMN_FIELDS,
  LANE_FIELDS,
  lanesOf,
  LOCAL_ORIGIN,
  noteEntry,
  notesOf,
  readColumns,
  readLanes,
  readNote,
  shownColumnId,
  shownLaneId
} from './boardDoc'
import { createLazySnapshotStore, deepChangesOf, sameItems, type SnapshotStore } from './externalStore'
import { addTitledEntry, COLUMN_TITLE_MAX_LENGTH, renameTitledEntry } from './intents'
import { placeAt } from './ordering'
import type { BoardSnapshotStore } from './snapshot'

/** A map holds at most this many journey stages and lanes: enough for any journey, few enough to read. */
export const MAX_JOURNEY_STAGES = 12
export const MAX_LANES = 10
export const LANE_TITLE_MAX_LENGTH = COLUMN_TITLE_MAX_LENGTH

/** Note field holding an opportunity's link to a value. Never rename: saved files and peers use it. */
export const VALUE_LINK_FIELD = 'valueLink'
const VALUE_LINK_LIMITS = { name: 120, title: TITLE_MAX_LENGTH, id: 64 }

export interface Lane extends Column {
  kind: LaneKind | null
}

/** "This opportunity lives our value X", from a finalized core-values workshop. */
export interface ValueLink {
  workshopId: string
  workshopTitle: string
  name: string
}

export interface JourneySnapshot {
  /** Journey stages, left to right (the board's columns). */
  stages: readonly Column[]
  lanes: readonly Lane[]
  /** Note ids per cell (see cellKey), in order. Every cell of the grid has an entry. */
  cells: Readonly<Record<string, readonly string[]>>
  notes: Readonly<Record<string, Note>>
  /** Opportunities' links to values, by note id. */
  links: ReadonlyMap<string, ValueLink>
}

/** The key of one cell. JSON keeps any two ids apart, whatever characters a peer put in them. */
export const cellKey = (stageId: string, laneId: string): string => JSON.stringify([stageId, laneId])
/** The stage and lane of a cell key made by cellKey. */
export function cellOf(key: string): { stageId: string; laneId: string } {
  const [stageId, laneId] = JSON.parse(key) as [string, string]
  return { stageId, laneId }
}

/** The lanes, top to bottom, with what each is for. */
export function readJourneyLanes(doc: Y.Doc): Lane[] {
  const entries = lanesOf(doc)
  return readLanes(doc).map((lane) => {
    const kind = (entries.get(lane.id) as Y.Map<unknown>).get(LANE_FIELDS.kind)
    return { ...lane, kind: LANE_KINDS.includes(kind as LaneKind) ? (kind as LaneKind) : null }
  })
}

export function readValueLink(value: unknown): ValueLink | null {
  if (typeof value !== 'object' || value === null) return null
  const { workshopId, workshopTitle, name } = value as Record<string, unknown>
  if (typeof workshopId !== 'string' || typeof workshopTitle !== 'string' || typeof name !== 'string' || !name.trim()) {
    return null
  }
  return {
    workshopId: workshopId.slice(0, VALUE_LINK_LIMITS.id),
    workshopTitle: workshopTitle.slice(0, VALUE_LINK_LIMITS.title),
    name: name.slice(0, VALUE_LINK_LIMITS.name)
  }
}

function readLinks(doc: Y.Doc, notes: Readonly<Record<string, Note>>): Map<string, ValueLink> {
  const links = new Map<string, ValueLink>()
  for (const id of Object.keys(notes)) {
    const link = readValueLink(noteEntry(doc, id)?.get(VALUE_LINK_FIELD))
    if (link) links.set(id, link)
  }
  return links
}

const sameLane = (a: Lane, b: Lane) => a.title === b.title && a.order === b.order && a.kind === b.kind
const sameLink = (a: ValueLink | undefined, b: ValueLink) =>
  a !== undefined && a.workshopId === b.workshopId && a.workshopTitle === b.workshopTitle && a.name === b.name

/**
 * The grid from the board's snapshot (notes already in order within each column) and the
 * lanes, sharing every cell list and lane that did not change with `previous`, so memoized
 * cells skip a re-render.
 */
export function buildJourneySnapshot(
  board: BoardSnapshot,
  readLanes: Lane[],
  readLinks: (notes: Readonly<Record<string, Note>>) => Map<string, ValueLink>,
  previous: JourneySnapshot | null
): JourneySnapshot {
  const previousLanes = new Map(previous?.lanes.map((lane) => [lane.id, lane]))
  const freshLanes = readLanes.map((lane) => {
    const before = previousLanes.get(lane.id)
    return before && sameLane(before, lane) ? before : lane
  })
  const lanes = previous && sameItems(previous.lanes, freshLanes) ? previous.lanes : freshLanes
  const laneIds = new Set(lanes.map((lane) => lane.id))
  const firstLaneId = lanes[0]?.id

  const fresh: Record<string, string[]> = Object.create(null) as Record<string, string[]>
  for (const stage of board.columns) {
    for (const lane of lanes) fresh[cellKey(stage.id, lane.id)] = []
    for (const id of board.noteIdsByColumn[stage.id] ?? []) {
      const laneId = shownLaneId(board.notes[id]!, laneIds, firstLaneId)
      if (laneId !== undefined) fresh[cellKey(stage.id, laneId)]!.push(id)
    }
  }
  let everyCellReused = previous !== null && Object.keys(previous.cells).length === Object.keys(fresh).length
  const cells: Record<string, readonly string[]> = Object.create(null) as Record<string, readonly string[]>
  for (const [key, ids] of Object.entries(fresh)) {
    const before = previous?.cells[key]
    cells[key] = before && sameItems(before, ids) ? before : ids
    if (cells[key] !== before) everyCellReused = false
  }

  const freshLinks = readLinks(board.notes)
  const links =
    previous && previous.links.size === freshLinks.size && [...freshLinks].every(([id, link]) => sameLink(previous.links.get(id), link))
      ? previous.links
      : freshLinks

  if (
    previous &&
    previous.stages === board.columns &&
    previous.notes === board.notes &&
    lanes === previous.lanes &&
    everyCellReused &&
    links === previous.links
  ) {
    return previous
  }
  return { stages: board.columns, lanes, cells: everyCellReused && previous ? previous.cells : cells, notes: board.notes, links }
}

export type JourneySnapshotStore = SnapshotStore<JourneySnapshot>

/** The grid, rebuilt lazily after the board or the lanes changed and someone asks. */
export function createJourneySnapshotStore(doc: Y.Doc, board: BoardSnapshotStore): JourneySnapshotStore {
  const links = (notes: Readonly<Record<string, Note>>) => readLinks(doc, notes)
  return createLazySnapshotStore(
    (previous) => buildJourneySnapshot(board.getSnapshot(), readJourneyLanes(doc), links, previous),
    (markStale) => {
      const stopBoard = board.subscribe(markStale)
      const stopLanes = deepChangesOf(lanesOf(doc))(markStale)
      return () => {
        stopBoard()
        stopLanes()
      }
    }
  )
}

// ------------------------------------------------------------------ intents

/** Columns (stages) and lanes are both ordered, titled maps. */
type Axis = 'stage' | 'lane'
const axisOf = (doc: Y.Doc, axis: Axis) => (axis === 'stage' ? columnsOf(doc) : lanesOf(doc))
const MAX_ON_AXIS: Record<Axis, number> = { stage: MAX_JOURNEY_STAGES, lane: MAX_LANES }

const readAxis = (doc: Y.Doc, axis: Axis): Column[] => (axis === 'stage' ? readColumns(doc) : readLanes(doc))

/** Notes shown on this stage or lane (a note whose stage or lane is unknown shows in the first). */
function notesOn(doc: Y.Doc, axis: Axis, id: string): string[] {
  const entries = readAxis(doc, axis)
  const known = new Set(entries.map((entry) => entry.id))
  const shownOn = axis === 'stage' ? shownColumnId : shownLaneId
  const ids: string[] = []
  notesOf(doc).forEach((entry, noteId) => {
    const note = readNote(noteId, entry)
    if (note && shownOn(note, known, entries[0]?.id) === id) ids.push(noteId)
  })
  return ids
}

export interface JourneyIntents {
  /** Adds a stage or lane at the end; null for a blank title or a full map. */
  add(axis: Axis, title: string): string | null
  rename(axis: Axis, id: string, title: string): boolean
  /** Moves a stage or lane to `index` (0 = first) among the others. */
  move(axis: Axis, id: string, index: number): boolean
  /** Removes a stage or lane with the notes in it (one step: Undo brings them back). The last one stays. */
  remove(axis: Axis, id: string): boolean
  /** How many notes removing this stage or lane would take with it. */
  notesOn(axis: Axis, id: string): number
  linkValue(noteId: string, link: ValueLink | null): boolean
}

export function bindJourneyIntents(doc: Y.Doc): JourneyIntents {
  const transact = (change: () => void) => doc.transact(change, LOCAL_ORIGIN)
  return {
    add(axis, title) {
      const existing = readAxis(doc, axis)
      if (existing.length >= MAX_ON_AXIS[axis]) return null
      return addTitledEntry(doc, axisOf(doc, axis), axis === 'stage' ? 'column' : 'lane', existing, title)
    },
    rename: (axis, id, title) => renameTitledEntry(doc, axisOf(doc, axis), id, title),
    move(axis, id, index) {
      const entries = readAxis(doc, axis)
      const current = entries.findIndex((entry) => entry.id === id)
      const target = Math.max(0, Math.min(index, entries.length - 1))
      if (current < 0 || current === target) return false
      const others = entries.filter((entry) => entry.id !== id)
      const placement = placeAt(others, target)
      transact(() => {
        const map = axisOf(doc, axis)
        for (const { id: other, order } of placement.rekeyed) (map.get(other) as Y.Map<unknown>).set(COLUMN_FIELDS.order, order)
        ;(map.get(id) as Y.Map<unknown>).set(COLUMN_FIELDS.order, placement.order)
      })
      return true
    },
    remove(axis, id) {
      const entries = readAxis(doc, axis)
      if (entries.length <= 1 || !entries.some((entry) => entry.id === id)) return false
      const doomed = notesOn(doc, axis, id)
      transact(() => {
        for (const noteId of doomed) notesOf(doc).delete(noteId)
        axisOf(doc, axis).delete(id)
      })
      return true
    },
    notesOn: (axis, id) => notesOn(doc, axis, id).length,
    linkValue(noteId, link) {
      const entry = noteEntry(doc, noteId)
      if (!entry) return false
      const clean = link && readValueLink(link)
      transact(() => (clean ? entry.set(VALUE_LINK_FIELD, clean) : entry.delete(VALUE_LINK_FIELD)))
      return true
    }
  }
}

export interface JourneyModel {
  snapshots: JourneySnapshotStore
  intents: JourneyIntents
  destroy(): void
}

/** The grid over a board model's snapshots, on the same document the board model edits. */
export function createJourneyModel(doc: Y.Doc, board: BoardSnapshotStore): JourneyModel {
  const snapshots = createJourneySnapshotStore(doc, board)
  return { snapshots, intents: bindJourneyIntents(doc), destroy: snapshots.destroy }
}
