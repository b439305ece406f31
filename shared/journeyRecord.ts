/**
 * The record an employee-journey-map workshop leaves when it is finalized: the map (its
 * stages, lanes and every note), how the group felt at each stage, the dot vote, and when
 * each workshop stage ran. It is stored once, hashed, never changed, and every export is
 * made from it.
 */
import { z } from 'zod'
import { NOTE_COLOURS, NOTE_TEXT_MAX_LENGTH, type NoteColour } from './board'
import { LANE_KINDS, type LaneKind } from './templates'
import { EMOTION_SCALE } from './emotions'
import {
  checkAnonymity,
  contentHashSchema,
  count,
  named,
  parseRecord,
  participantsSchema,
  stageTimesSchema,
  text,
  timestamp,
  VALUES_RECORD_LIMITS,
  type ParsedRecord
} from './valuesRecord'
import { TITLE_MAX_LENGTH } from './workshop'

export const JOURNEY_RECORD_VERSION = 1

/** Everything in the record except its hash. */
export interface JourneyRecord {
  v: typeof JOURNEY_RECORD_VERSION
  kind: 'journey-map'
  workshopId: string
  title: string
  /** The workshop's question. */
  prompt: string
  /** ISO 8601. */
  finalizedAt: string
  anonymous: boolean
  /** `names` is null when the workshop was anonymous. */
  participants: { count: number; names: string[] | null }
  /** Journey stages, left to right (Attract, Recruit, …). */
  stages: Array<{ id: string; name: string }>
  /** Lanes, top to bottom (Touchpoints, Moments that matter, Thoughts and feelings, Pain points, Opportunities, Owner). */
  lanes: Array<{ id: string; name: string; kind: LaneKind | null }>
  /** Every note, cell by cell; within a cell in the board's order. */
  notes: JourneyNote[]
  /** One result per journey stage, in stage order. */
  emotions: { minGroup: number; stages: EmotionResult[] }
  /** The dot vote: which lanes' notes could be voted on. */
  votes: { budget: number; voters: number; laneIds: string[] }
  /** When each workshop stage ran (the facilitation stages, not journey stages). */
  timeline: Array<{ stage: string; startedAt: string; endedAt: string | null }>
}

export interface JourneyNote {
  id: string
  stageId: string
  laneId: string
  text: string
  colour: NoteColour
  /** Dots it received; null when its lane was not part of the vote. */
  votes: number | null
  /** "This opportunity lives our value X", from a finalized core-values workshop. */
  linkedValue: { name: string; workshopTitle: string } | null
}

/** The group's feeling about one journey stage, −2 (very negative) to +2 (very positive). */
export interface EmotionResult {
  stageId: string
  raters: number
  /** Null when fewer than minGroup people rated this stage. */
  median: number | null
  /** The middle half of the ratings (first to third quartile); null like median. */
  spread: { low: number; high: number } | null
}

export interface FinalizedJourney extends JourneyRecord {
  /** SHA-256, in hex, of `canonicalJson(record)` where the record is everything but this field. */
  contentHash: string
}

/** Bounds on what a record may hold: it crosses the IPC and HTTP boundary and lives in library.json. */
export const JOURNEY_RECORD_LIMITS = {
  stages: 20,
  lanes: 12,
  notes: 5_000,
  noteText: NOTE_TEXT_MAX_LENGTH,
  /** A stage's or a lane's name. */
  name: 80,
  id: 64,
  prompt: VALUES_RECORD_LIMITS.prompt,
  valueName: VALUES_RECORD_LIMITS.valueName
} as const

const L = JOURNEY_RECORD_LIMITS
/** Dots one note can hold: every person's whole budget. */
const MAX_DOTS = count.maxValue! * 100

const id = (what: string) => named(L.id, what)
const rating = z.number().min(EMOTION_SCALE.min).max(EMOTION_SCALE.max)
const place = (what: string) => z.object({ id: id(`${what} id`), name: named(L.name, `${what} name`) })

const noteSchema = z.object({
  id: id('a note id'),
  stageId: id('a stage id'),
  laneId: id('a lane id'),
  text: named(L.noteText, 'a note'),
  colour: z.enum(NOTE_COLOURS),
  votes: z.number().int().min(0).max(MAX_DOTS).nullable().describe('Null when the note’s lane was not part of the dot vote.'),
  linkedValue: z
    .object({ name: named(L.valueName, 'a value name'), workshopTitle: named(TITLE_MAX_LENGTH, 'a workshop title') })
    .nullable()
    .describe('A value from a finalized core-values workshop that this note lives.')
})

const emotionSchema = z.object({
  stageId: id('a stage id'),
  raters: count,
  median: rating.nullable().describe('Null when fewer than emotions.minGroup people rated this stage.'),
  spread: z
    .object({ low: rating, high: rating })
    .nullable()
    .describe('The middle half of the ratings: first to third quartile, interpolated as R’s type 7. Null like median.')
})

/** The record's shape alone; `journeyRecordSchema` adds the rules that tie its fields together. */
export const journeyRecordShape = z.object({
  v: z.literal(JOURNEY_RECORD_VERSION),
  kind: z.literal('journey-map'),
  workshopId: id('a workshop id'),
  title: named(TITLE_MAX_LENGTH, 'a title'),
  prompt: text(L.prompt, 'the workshop question'),
  finalizedAt: timestamp.describe('When the facilitator finalized the workshop.'),
  anonymous: z.boolean(),
  participants: participantsSchema,
  stages: z.array(place('a stage')).min(1, 'a map needs at least one stage').max(L.stages, `at most ${L.stages} stages`),
  lanes: z
    .array(
      place('a lane').extend({
        kind: z.enum(LANE_KINDS).nullable().describe('What the lane is for, where the workshop treats it specially: pain points, opportunities.')
      })
    )
    .min(1, 'a map needs at least one lane').max(L.lanes, `at most ${L.lanes} lanes`),
  notes: z.array(noteSchema).max(L.notes, `at most ${L.notes} notes`),
  emotions: z.object({
    minGroup: count.min(1).describe('Medians are shown only when at least this many people rated a stage.'),
    stages: z.array(emotionSchema).max(L.stages).describe('One result per journey stage, in stage order.')
  }),
  votes: z.object({
    budget: z.number().int().min(0).max(100),
    voters: count,
    laneIds: z.array(id('a lane id')).max(L.lanes).describe('The lanes whose notes could be voted on.')
  }),
  timeline: stageTimesSchema.describe('When each workshop stage ran.')
}) satisfies z.ZodType<JourneyRecord>

type Issue = { path: Array<string | number>; message: string }

/** Each id once: a note that names a stage must name exactly one. */
function duplicates(ids: readonly string[], path: (index: number) => Issue['path'], what: string): Issue[] {
  const seen = new Set<string>()
  return ids.flatMap((each, index) => {
    if (!seen.has(each)) {
      seen.add(each)
      return []
    }
    return [{ path: path(index), message: `repeats ${what} id “${each}”` }]
  })
}

/** Every note sits in a cell of the map, and the vote and the emotion curve cover exactly its lanes and stages. */
function structureIssues(record: JourneyRecord): Issue[] {
  const stageIds = new Set(record.stages.map((stage) => stage.id))
  const laneIds = new Set(record.lanes.map((lane) => lane.id))
  const votedLanes = new Set(record.votes.laneIds)
  const issues = [
    ...duplicates(record.stages.map((stage) => stage.id), (index) => ['stages', index, 'id'], 'a stage'),
    ...duplicates(record.lanes.map((lane) => lane.id), (index) => ['lanes', index, 'id'], 'a lane'),
    ...duplicates(record.notes.map((note) => note.id), (index) => ['notes', index, 'id'], 'a note'),
    ...duplicates(record.votes.laneIds, (index) => ['votes', 'laneIds', index], 'a lane')
  ]
  record.votes.laneIds.forEach((laneId, index) => {
    if (!laneIds.has(laneId)) issues.push({ path: ['votes', 'laneIds', index], message: `names no lane of the map (“${laneId}”)` })
  })
  record.notes.forEach((note, index) => {
    if (!stageIds.has(note.stageId)) issues.push({ path: ['notes', index, 'stageId'], message: `names no stage of the map (“${note.stageId}”)` })
    if (!laneIds.has(note.laneId)) issues.push({ path: ['notes', index, 'laneId'], message: `names no lane of the map (“${note.laneId}”)` })
    if (votedLanes.has(note.laneId) && note.votes === null) {
      issues.push({ path: ['notes', index, 'votes'], message: 'must count the dots (0 or more): the note’s lane was part of the vote' })
    }
    if (!votedLanes.has(note.laneId) && note.votes !== null) {
      issues.push({ path: ['notes', index, 'votes'], message: 'must be empty (null): the note’s lane was not part of the vote' })
    }
  })
  const results = record.emotions.stages
  if (results.length !== record.stages.length || results.some((result, index) => result.stageId !== record.stages[index]!.id)) {
    issues.push({ path: ['emotions', 'stages'], message: 'must hold one result per journey stage, in the stages’ order' })
  }
  return issues
}

/**
 * Privacy and arithmetic of the emotion curve: with fewer than `minGroup` ratings a median
 * or spread would tell who felt what, and a median lies within its spread.
 */
function emotionIssues(record: JourneyRecord): Issue[] {
  const { minGroup } = record.emotions
  return record.emotions.stages.flatMap((result, index): Issue[] => {
    const path = (field: string) => ['emotions', 'stages', index, field]
    if (result.raters < minGroup) {
      return (['median', 'spread'] as const)
        .filter((field) => result[field] !== null)
        .map((field) => ({ path: path(field), message: `must be empty (null) when fewer than ${minGroup} people rated the stage` }))
    }
    if ((result.median === null) !== (result.spread === null)) {
      return [{ path: path('spread'), message: 'must be given with the median, or both left empty (null)' }]
    }
    if (result.median !== null && result.spread !== null && !(result.spread.low <= result.median && result.median <= result.spread.high)) {
      return [{ path: path('spread'), message: 'must run from at most the median (low) to at least the median (high)' }]
    }
    return []
  })
}

function checkJourney(record: JourneyRecord, context: z.RefinementCtx): void {
  checkAnonymity(record, context)
  for (const issue of [...structureIssues(record), ...emotionIssues(record)]) context.addIssue({ code: 'custom', ...issue })
}

export const journeyRecordSchema = journeyRecordShape.superRefine(checkJourney)

export const finalizedJourneySchema = journeyRecordShape.extend({ contentHash: contentHashSchema }).superRefine(checkJourney)

export const parseJourneyRecord = (value: unknown): ParsedRecord<JourneyRecord> => parseRecord(journeyRecordSchema, value)

/** The notes of each cell, indexed [stage][lane] in the map's order, each cell in the board's order. */
export function notesByCell(record: JourneyRecord): JourneyNote[][][] {
  const stageIndex = new Map(record.stages.map((stage, index) => [stage.id, index]))
  const laneIndex = new Map(record.lanes.map((lane, index) => [lane.id, index]))
  const cells = record.stages.map(() => record.lanes.map((): JourneyNote[] => []))
  for (const note of record.notes) cells[stageIndex.get(note.stageId)!]![laneIndex.get(note.laneId)!]!.push(note)
  return cells
}
