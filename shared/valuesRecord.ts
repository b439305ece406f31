/**
 * The record a core-values workshop leaves when it is finalized: the agreed values with
 * their behaviours, and the decisions behind them (who took part, the dot vote, the
 * consensus check, when each stage ran). It is stored once, hashed, never changed, and
 * every export is made from it.
 */
import { z } from 'zod'
import { decideTies, decidedRanks, isTied, TIE_STATES, type TieState } from './ballots'
import { NOTE_TEXT_MAX_LENGTH } from './board'
import { TITLE_MAX_LENGTH } from './workshop'

/**
 * Version 2 keeps what the team wrote (`clusters`, `unsortedNotes`); version 3 keeps each
 * place's rank and tie in the dot vote, as the facilitator decided it. A record finalized in
 * an earlier version is never rewritten: its content hash was computed over that form, and
 * adding fields (or stamping a new `v`) would make that hash fail. So the library keeps it,
 * and the JSON export writes it, exactly as hashed; the other exports read it through
 * `teamNotesOf`, which says that no notes were kept, and `votePlacesOf`, which ranks by dots
 * alone, ties undecided.
 */
export const VALUES_RECORD_VERSION = 3

/** Everything in the record except its hash, as finalized now. */
export interface ValuesRecord {
  v: typeof VALUES_RECORD_VERSION
  workshopId: string
  title: string
  /** The workshop's question. */
  prompt: string
  /** ISO 8601. */
  finalizedAt: string
  anonymous: boolean
  /** `names` is null when the workshop was anonymous. */
  participants: { count: number; names: string[] | null }
  values: ValueStatement[]
  votes: { budget: number; multipleDotsPerCluster: boolean; voters: number; ranking: VotePlace[] }
  consensusRule: {
    /** A value whose average is below this is flagged for rework. */
    threshold: number
    /** Aggregates are shown only when at least this many people took part. */
    minGroup: number
  }
  stages: Array<{ stage: string; startedAt: string; endedAt: string | null }>
  /**
   * Every cluster in the board's order, with the text of each of its notes in the board's
   * order. Texts only: the board keeps no author, and the record names no one.
   */
  clusters: ClusterNotes[]
  /** The notes still in "Unsorted ideas", the board's first column, in its order. */
  unsortedNotes: string[]
}

/** A cluster's place in the dot vote, most dots first. */
export interface VotePlace {
  cluster: string
  dots: number
  /** 1 for the first; the places of a tie kept or undecided share the rank of its first place. */
  rank: number
  /** Whether it tied with others on dots, and what the facilitator did about that. */
  tie: TieState
}

/** A record finalized before tie decisions were kept: each place only its cluster and dots. */
export interface ValuesRecordV2 extends Omit<ValuesRecord, 'v' | 'votes'> {
  v: 2
  votes: Omit<ValuesRecord['votes'], 'ranking'> & { ranking: Array<Pick<VotePlace, 'cluster' | 'dots'>> }
}

/** A record finalized before notes were kept: version 2 without them. */
export interface ValuesRecordV1 extends Omit<ValuesRecordV2, 'v' | 'clusters' | 'unsortedNotes'> {
  v: 1
}

/** A record as the library stores it: the version it was finalized and hashed in. */
export type StoredValuesRecord = ValuesRecord | ValuesRecordV2 | ValuesRecordV1

export interface ClusterNotes {
  title: string
  notes: string[]
}

/** What the team wrote on the board: the record's `clusters` and `unsortedNotes`. */
export type TeamNotes = Pick<ValuesRecord, 'clusters' | 'unsortedNotes'>

export interface ValueStatement {
  name: string
  definition: string
  weDo: string[]
  weDont: string[]
  /** Example stories. */
  examples: string[]
  /** The fist-of-five check on this value, or null when there was none. */
  consensus: ConsensusResult | null
}

export interface ConsensusResult {
  /** A histogram: index n (0–5) holds how many people showed n fingers. */
  scores: number[]
  voters: number
  /** Null when fewer than `consensusRule.minGroup` people voted. */
  average: number | null
  flagged: boolean
}

/** A stored record with its hash: SHA-256, in hex, of `canonicalJson(record)` where the record is everything but `contentHash`. */
export type FinalizedValues = StoredValuesRecord & { contentHash: string }

/** Bounds on what a record may hold: it crosses the IPC and HTTP boundary and lives in library.json. */
export const VALUES_RECORD_LIMITS = {
  values: 50,
  valueName: 120,
  definition: 2_000,
  /** Each of "we do", "we don't" and the example stories. */
  itemsPerList: 50,
  item: 1_000,
  prompt: 1_000,
  participants: 1_000,
  participantName: 100,
  rankedClusters: 500,
  clusterName: 200,
  stages: 50,
  stageName: 80,
  /** Notes in all clusters and unsorted together, as many as a journey map may hold. */
  notes: 5_000,
  noteText: NOTE_TEXT_MAX_LENGTH
} as const

const L = VALUES_RECORD_LIMITS
const FINGERS = 6
const MAX_PEOPLE = 100_000

// Schema pieces every finalized record shares (the program plan's too), with messages that name the field.
export const text = (max: number, what: string) => z.string().max(max, `${what} can be at most ${max} characters`)
export const named = (max: number, what: string) => text(max, what).min(1, `${what} cannot be empty`)
export const list = (max: number, what: string, item: z.ZodString) => z.array(item).max(max, `at most ${max} ${what}`)
/** A number of people. */
export const count = z.number().int().min(0).max(MAX_PEOPLE)
export const timestamp = z.iso.datetime()
const score = z.number().min(0).max(5)

const consensusSchema = z.object({
  scores: z
    .array(count)
    .length(FINGERS, 'must count each of 0 to 5 fingers')
    .describe('How many people showed 0, 1, 2, 3, 4 and 5 fingers (0 blocks, 5 fully supports).'),
  voters: count,
  average: score.nullable().describe('Null when fewer than consensusRule.minGroup people voted.'),
  flagged: z.boolean().describe('The average is below consensusRule.threshold: the value needs rework.')
})

/** Who took part: how many, and their names unless the workshop was anonymous. */
export const participantsSchema = z.object({
  count,
  names: list(L.participants, 'participant names', named(L.participantName, 'a participant name'))
    .nullable()
    .describe('Null when the workshop was anonymous.')
})

/** When each stage ran, in order. */
export const stageTimesSchema = z
  .array(z.object({ stage: named(L.stageName, 'a stage name'), startedAt: timestamp, endedAt: timestamp.nullable() }))
  .max(L.stages)

const valueSchema = z.object({
  name: named(L.valueName, 'a value name'),
  definition: text(L.definition, 'a definition'),
  weDo: list(L.itemsPerList, '“we do” behaviours', named(L.item, 'a behaviour')),
  weDont: list(L.itemsPerList, '“we don’t” behaviours', named(L.item, 'a behaviour')),
  examples: list(L.itemsPerList, 'example stories', named(L.item, 'an example story')),
  consensus: consensusSchema.nullable()
})

/** A version-1 record's shape: records finalized before notes were kept. */
export const valuesRecordV1Shape = z.object({
  v: z.literal(1),
  workshopId: named(64, 'a workshop id'),
  title: named(TITLE_MAX_LENGTH, 'a title'),
  prompt: text(L.prompt, 'the workshop question'),
  finalizedAt: timestamp.describe('When the facilitator finalized the workshop.'),
  anonymous: z.boolean(),
  participants: participantsSchema,
  values: z.array(valueSchema).min(1, 'a record needs at least one value').max(L.values, `at most ${L.values} values`),
  votes: z.object({
    budget: z.number().int().min(0).max(100),
    multipleDotsPerCluster: z.boolean(),
    voters: count,
    ranking: z
      .array(z.object({ cluster: named(L.clusterName, 'a cluster name'), dots: z.number().int().min(0).max(MAX_PEOPLE * 100) }))
      .max(L.rankedClusters)
  }),
  consensusRule: z.object({
    threshold: score.describe('A value whose average is below this is flagged for rework.'),
    minGroup: z.number().int().min(1).max(MAX_PEOPLE).describe('Aggregates are shown only when at least this many people took part.')
  }),
  stages: stageTimesSchema
}) satisfies z.ZodType<ValuesRecordV1>

const noteTexts = list(L.notes, 'notes', named(L.noteText, 'a note'))

/** A version-2 record's shape: records finalized before tie decisions were kept. */
export const valuesRecordV2Shape = valuesRecordV1Shape.extend({
  v: z.literal(2),
  clusters: z
    .array(z.object({ title: named(L.clusterName, 'a cluster name'), notes: noteTexts.describe('Its notes’ texts, in the board’s order.') }))
    .max(L.rankedClusters, `at most ${L.rankedClusters} clusters`)
    .describe('Every cluster, in the board’s order, with what its notes say. No author: the board keeps none.'),
  unsortedNotes: noteTexts.describe('The notes left in “Unsorted ideas”, the board’s first column, in its order.')
}) satisfies z.ZodType<ValuesRecordV2>

const v1Votes = valuesRecordV1Shape.shape.votes
const v1Place = v1Votes.shape.ranking.element

/**
 * A place's rank and tie in a dot vote's ranking, as every record with a dot vote writes them
 * (`checkRanking` ties them to the dots); `max` is the longest ranking the record allows.
 */
export const rankedPlaceFields = (max: number) => ({
  rank: z.number().int().min(1).max(max).describe('1 for the first; the places of a tie kept or undecided share the rank of its first place.'),
  tie: z
    .enum(TIE_STATES)
    .describe(
      'none: no other place has as many dots; undecided: tied, and the facilitator neither broke nor kept the tie; ' +
        'kept: tied, and the facilitator kept the tie; broken: tied on dots, and the facilitator put the tie in this order.'
    )
})

/** The record's shape alone; `valuesRecordSchema` adds the rules that tie its fields together. */
export const valuesRecordShape = valuesRecordV2Shape.extend({
  v: z.literal(VALUES_RECORD_VERSION),
  votes: v1Votes.extend({
    ranking: z
      .array(v1Place.extend(rankedPlaceFields(L.rankedClusters)))
      .max(L.rankedClusters)
      .describe('Every cluster, most dots first.')
  })
}) satisfies z.ZodType<ValuesRecord>

/** A stored record of any version, told apart by `v`. */
export const storedValuesRecordShape = z.discriminatedUnion('v', [valuesRecordShape, valuesRecordV2Shape, valuesRecordV1Shape])

/** An anonymous workshop's record names no one. */
export function checkAnonymity(record: { anonymous: boolean; participants: { names: string[] | null } }, context: z.RefinementCtx): void {
  if (record.anonymous && record.participants.names !== null) {
    context.addIssue({
      code: 'custom',
      path: ['participants', 'names'],
      message: 'must be empty (null) in an anonymous workshop'
    })
  }
}

/**
 * Privacy rules the record must keep, not only its shape: an anonymous workshop names no
 * one, and a consensus average from fewer than `minGroup` people would expose who voted what.
 */
function checkPrivacy(record: StoredValuesRecord, context: z.RefinementCtx): void {
  checkAnonymity(record, context)
  record.values.forEach((value, index) => {
    const consensus = value.consensus
    if (consensus && consensus.average !== null && consensus.voters < record.consensusRule.minGroup) {
      context.addIssue({
        code: 'custom',
        path: ['values', index, 'consensus', 'average'],
        message: `must be empty (null) when fewer than ${record.consensusRule.minGroup} people voted`
      })
    }
  })
}

/** The notes together stay within what one record may hold, however they are spread over the clusters. */
function checkNoteCount(record: StoredValuesRecord, context: z.RefinementCtx): void {
  const notes = teamNotesOf(record)
  if (notes === null) return
  const total = notes.unsortedNotes.length + notes.clusters.reduce((sum, cluster) => sum + cluster.notes.length, 0)
  if (total > L.notes) context.addIssue({ code: 'custom', path: ['clusters'], message: `at most ${L.notes} notes in all (${total} given)` })
}

/**
 * The ranking says what its dots say: most dots first, a place tied exactly when another has as
 * many dots, a tie decided one way for all its places, and each rank as its tie makes it.
 * `path` is where the ranking sits in the record.
 */
export function checkRanking(
  places: ReadonlyArray<Pick<VotePlace, 'dots' | 'rank' | 'tie'>>,
  path: ReadonlyArray<string | number>,
  context: z.RefinementCtx
): void {
  const dots = places.map((place) => place.dots)
  const ranks = decidedRanks(places)
  const issue = (index: number, field: 'dots' | 'rank' | 'tie', message: string) =>
    context.addIssue({ code: 'custom', path: [...path, index, field], message })
  let tieStart = 0
  places.forEach((place, index) => {
    const above = places[index - 1]
    if (above && above.dots !== place.dots) tieStart = index
    if (above && above.dots < place.dots) issue(index, 'dots', 'must be at most the dots of the place above: most dots first')
    if ((place.tie === 'none') === isTied(dots, index)) issue(index, 'tie', 'must be “none” exactly when no other place has as many dots')
    else if (places[tieStart]!.tie !== place.tie) issue(index, 'tie', 'must be decided as the rest of its tie')
    else if (place.rank !== ranks[index]) issue(index, 'rank', `must be ${ranks[index]}, as its tie makes it`)
  })
}

function checkRecord(record: StoredValuesRecord, context: z.RefinementCtx): void {
  checkPrivacy(record, context)
  checkNoteCount(record, context)
  if (record.v === VALUES_RECORD_VERSION) checkRanking(record.votes.ranking, ['votes', 'ranking'], context)
}

/** A record as finalized now: only the current version is accepted for storing. */
export const valuesRecordSchema = valuesRecordShape.superRefine(checkRecord)

export const CONTENT_HASH_PATTERN = /^[0-9a-f]{64}$/

/** A stored record's `contentHash`, for every template's finalized schema. */
export const contentHashSchema = z.string().regex(CONTENT_HASH_PATTERN, 'must be a SHA-256 in hex')

/** A record as library.json holds it, in the version it was hashed in. */
export const finalizedValuesSchema = z
  .discriminatedUnion('v', [
    valuesRecordShape.extend({ contentHash: contentHashSchema }),
    valuesRecordV2Shape.extend({ contentHash: contentHashSchema }),
    valuesRecordV1Shape.extend({ contentHash: contentHashSchema })
  ])
  .superRefine(checkRecord)

/**
 * What the team wrote, as a record of any version holds it: null for a version-1 record,
 * finalized before notes were kept (an empty list would say the team wrote nothing).
 */
export function teamNotesOf(record: StoredValuesRecord): TeamNotes | null {
  return record.v === 1 ? null : { clusters: record.clusters, unsortedNotes: record.unsortedNotes }
}

/**
 * The dot vote's places, as a record of any version holds them. A record finalized before tie
 * decisions were kept (versions 1 and 2) is ranked by its dots alone: tied places share their
 * rank, their tie undecided, as no decision was recorded.
 */
export function votePlacesOf(record: StoredValuesRecord): VotePlace[] {
  if (record.v === VALUES_RECORD_VERSION) return record.votes.ranking
  const byDots = record.votes.ranking.map((place, index) => ({ clusterId: String(index), name: place.cluster, dots: place.dots }))
  return decideTies(byDots, []).map(({ name, dots, rank, tie }) => ({ cluster: name, dots, rank, tie }))
}

/** A finalized record without its hash; of a union of versions, each version without it. */
type Unhashed<Finalized> = Finalized extends unknown ? Omit<Finalized, 'contentHash'> : never

/** Splits a stored finalized record, of any template, into the record that was hashed and its hash. */
export function withoutHash<Finalized extends { contentHash: string }>({
  contentHash,
  ...record
}: Finalized): { record: Unhashed<Finalized>; contentHash: string } {
  return { record: record as Unhashed<Finalized>, contentHash }
}

/** What is wrong with a record, in one line that names each field. */
const describeProblems = (error: z.ZodError): string =>
  error.issues
    .map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : 'the record'} ${issue.message.replace(/^Invalid input: /, '')}`)
    .join('; ')

export type ParsedRecord<Record> = { ok: true; record: Record } | { ok: false; problems: string }

/**
 * A record of any template as its schema reads it (unknown fields dropped), or what is wrong
 * with it in one line that names each field.
 */
export function parseRecord<Record>(schema: z.ZodType<Record>, value: unknown): ParsedRecord<Record> {
  const result = schema.safeParse(value)
  return result.success ? { ok: true, record: result.data } : { ok: false, problems: describeProblems(result.error) }
}

export const parseValuesRecord = (value: unknown): ParsedRecord<ValuesRecord> => parseRecord(valuesRecordSchema, value)
