/**
 * The record an employee-journey-map workshop leaves when it is finalized: the map (its
 * stages, lanes and every note), how the group felt at each stage, the dot vote, and when
 * each workshop stage ran. It is stored once, hashed, never changed, and every export is
 * made from it.
 */
import { z } from 'zod'
import { decideTies, topPlaces, type TieState } from './ballots'
import { NOTE_COLOURS, NOTE_TEXT_MAX_LENGTH, type NoteColour } from './board'
import { LANE_KINDS, type LaneKind } from './templates'
import { EMOTION_SCALE } from './emotions'
import {
  checkAnonymity,
  checkRanking,
  contentHashSchema,
  count,
  named,
  parseRecord,
  participantsSchema,
  rankedPlaceFields,
  stageTimesSchema,
  text,
  timestamp,
  VALUES_RECORD_LIMITS,
  type ParsedRecord
} from './valuesRecord'
import { TITLE_MAX_LENGTH } from './workshop'

/**
 * Version 2 keeps the dot vote's ranking, each voted note's rank and tie as the facilitator
 * decided it. A record finalized as version 1 is never rewritten (its hash was computed over
 * that form; valuesRecord.ts says why): the library keeps it and the JSON export writes it as
 * hashed, and the other exports read its ranking through `journeyPlacesOf`, by dots alone.
 */
export const JOURNEY_RECORD_VERSION = 2

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
  /** The dot vote: which lanes' notes could be voted on, and every such note's place, most dots first. */
  votes: { budget: number; voters: number; laneIds: string[]; ranking: JourneyVotePlace[] }
  /** When each workshop stage ran (the facilitation stages, not journey stages). */
  timeline: Array<{ stage: string; startedAt: string; endedAt: string | null }>
}

/** A voted note's place in the dot vote, as in a values record's ranking (valuesRecord.ts VotePlace). */
export interface JourneyVotePlace {
  noteId: string
  /** The note's dots, as its `votes` says. */
  dots: number
  /** 1 for the first; the places of a tie kept or undecided share the rank of its first place. */
  rank: number
  /** Whether it tied with other notes on dots, and what the facilitator did about that. */
  tie: TieState
}

/** A record finalized before tie decisions were kept: no ranking, only each note's dots. */
export interface JourneyRecordV1 extends Omit<JourneyRecord, 'v' | 'votes'> {
  v: 1
  votes: Omit<JourneyRecord['votes'], 'ranking'>
}

/** A record as the library stores it: the version it was finalized and hashed in. */
export type StoredJourneyRecord = JourneyRecord | JourneyRecordV1

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

/** `contentHash`: SHA-256, in hex, of `canonicalJson(record)` where the record is everything but that field. */
export type FinalizedJourney = StoredJourneyRecord & { contentHash: string }

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

/** A version-1 record's shape: records finalized before tie decisions were kept. */
export const journeyRecordV1Shape = z.object({
  v: z.literal(1),
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
}) satisfies z.ZodType<JourneyRecordV1>

/** The record's shape alone; `journeyRecordSchema` adds the rules that tie its fields together. */
export const journeyRecordShape = journeyRecordV1Shape.extend({
  v: z.literal(JOURNEY_RECORD_VERSION),
  votes: journeyRecordV1Shape.shape.votes.extend({
    ranking: z
      .array(
        z.object({
          noteId: id('a note id'),
          dots: z.number().int().min(0).max(MAX_DOTS).describe('The note’s dots, as its `votes` says.'),
          ...rankedPlaceFields(L.notes)
        })
      )
      .max(L.notes)
      .describe('Every note of the voted lanes, most dots first; a tie in the order the facilitator broke it into, else the map’s.')
  })
}) satisfies z.ZodType<JourneyRecord>

/** A stored record of either version, told apart by `v`. */
export const storedJourneyRecordShape = z.discriminatedUnion('v', [journeyRecordShape, journeyRecordV1Shape])

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

/** The ranking holds each voted note once, with the dots the note holds. */
function rankingIssues(record: JourneyRecord): Issue[] {
  const votedLanes = new Set(record.votes.laneIds)
  // A note's own missing or stray dots are reported on the note (structureIssues), not again here.
  const dots = new Map(record.notes.filter((note) => votedLanes.has(note.laneId)).map((note) => [note.id, note.votes]))
  const issues = duplicates(record.votes.ranking.map((place) => place.noteId), (index) => ['votes', 'ranking', index, 'noteId'], 'a note')
  record.votes.ranking.forEach((place, index) => {
    if (!dots.has(place.noteId)) {
      issues.push({ path: ['votes', 'ranking', index, 'noteId'], message: `names no note of a voted lane (“${place.noteId}”)` })
    } else if (dots.get(place.noteId) !== null && dots.get(place.noteId) !== place.dots) {
      issues.push({ path: ['votes', 'ranking', index, 'dots'], message: `must be the note’s dots (${dots.get(place.noteId)})` })
    }
  })
  if (record.votes.ranking.length !== dots.size) {
    issues.push({ path: ['votes', 'ranking'], message: `must rank every note of the voted lanes (${dots.size}), each once` })
  }
  return issues
}

/** Every note sits in a cell of the map, and the vote and the emotion curve cover exactly its lanes and stages. */
function structureIssues(record: StoredJourneyRecord): Issue[] {
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
function emotionIssues(record: StoredJourneyRecord): Issue[] {
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

function checkJourney(record: StoredJourneyRecord, context: z.RefinementCtx): void {
  checkAnonymity(record, context)
  const ranked = record.v === JOURNEY_RECORD_VERSION ? rankingIssues(record) : []
  for (const issue of [...structureIssues(record), ...emotionIssues(record), ...ranked]) context.addIssue({ code: 'custom', ...issue })
  if (record.v === JOURNEY_RECORD_VERSION) checkRanking(record.votes.ranking, ['votes', 'ranking'], context)
}

/** A record as finalized now: only the current version is accepted for storing. */
export const journeyRecordSchema = journeyRecordShape.superRefine(checkJourney)

/** A record as library.json holds it, in the version it was hashed in. */
export const finalizedJourneySchema = z
  .discriminatedUnion('v', [
    journeyRecordShape.extend({ contentHash: contentHashSchema }),
    journeyRecordV1Shape.extend({ contentHash: contentHashSchema })
  ])
  .superRefine(checkJourney)

export const parseJourneyRecord = (value: unknown): ParsedRecord<JourneyRecord> => parseRecord(journeyRecordSchema, value)

/** The notes of each cell, indexed [stage][lane] in the map's order, each cell in the board's order. */
export function notesByCell(record: StoredJourneyRecord): JourneyNote[][][] {
  const stageIndex = new Map(record.stages.map((stage, index) => [stage.id, index]))
  const laneIndex = new Map(record.lanes.map((lane, index) => [lane.id, index]))
  const cells = record.stages.map(() => record.lanes.map((): JourneyNote[] => []))
  for (const note of record.notes) cells[stageIndex.get(note.stageId)!]![laneIndex.get(note.laneId)!]!.push(note)
  return cells
}

/** A voted note with its place in the dot vote. */
export interface RankedNote extends JourneyVotePlace {
  note: JourneyNote
}

/**
 * The dot vote's places, as a record of either version holds them, most dots first. A record
 * finalized before tie decisions were kept (version 1) is ranked by its dots alone, equals in
 * the map's order: tied notes share their rank, their tie undecided, as no decision was recorded.
 */
export function journeyPlacesOf(record: StoredJourneyRecord): RankedNote[] {
  const notes = new Map(record.notes.map((note) => [note.id, note]))
  if (record.v === JOURNEY_RECORD_VERSION) return record.votes.ranking.map((place) => ({ ...place, note: notes.get(place.noteId)! }))
  const byDots = record.notes
    .flatMap((note, index) => (note.votes === null ? [] : [{ clusterId: note.id, name: note.text, dots: note.votes, index }]))
    .sort((a, b) => b.dots - a.dots || a.index - b.index)
  return decideTies(byDots, []).map(({ clusterId, dots, rank, tie }) => ({ noteId: clusterId, dots, rank, tie, note: notes.get(clusterId)! }))
}

/**
 * The `count` opportunities a program plan is offered from a finalized map: the most dots first,
 * ties as the facilitator decided them. A tie across the cut comes in whole, kept or not: the map
 * is final, so no one can break it any more, and picking some of it by the map's order would
 * decide it silently. Opportunities without dots are left out (no one chose them), unless none
 * has any (the map had no vote): then the first `count` in the map's order.
 */
export function topOpportunityNotes(record: StoredJourneyRecord, count: number): JourneyNote[] {
  const opportunityLanes = new Set(record.lanes.filter((lane) => lane.kind === 'opportunities').map((lane) => lane.id))
  const voted = journeyPlacesOf(record).filter((place) => place.dots > 0 && opportunityLanes.has(place.note.laneId))
  if (voted.length === 0) return record.notes.filter((note) => opportunityLanes.has(note.laneId)).slice(0, count)
  const ranked = voted.map((place) => ({ clusterId: place.noteId, name: place.note.text, dots: place.dots, rank: place.rank, tie: place.tie }))
  const { places, undecidedTie } = topPlaces(ranked, count)
  const taken = undecidedTie ? ranked.filter((place) => place.rank <= undecidedTie[0]!.rank) : places
  const notes = new Map(record.notes.map((note) => [note.id, note]))
  return taken.map((place) => notes.get(place.clusterId)!)
}
