/**
 * The record a core-values workshop leaves when it is finalized: the agreed values with
 * their behaviours, and the decisions behind them (who took part, the dot vote, the
 * consensus check, when each stage ran). It is stored once, hashed, never changed, and
 * every export is made from it.
 */
import { z } from 'zod'
import { TITLE_MAX_LENGTH } from './workshop'

export const VALUES_RECORD_VERSION = 1

/** Everything in the record except its hash. */
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
  votes: { budget: number; multipleDotsPerCluster: boolean; voters: number; ranking: Array<{ cluster: string; dots: number }> }
  consensusRule: {
    /** A value whose average is below this is flagged for rework. */
    threshold: number
    /** Aggregates are shown only when at least this many people took part. */
    minGroup: number
  }
  stages: Array<{ stage: string; startedAt: string; endedAt: string | null }>
}

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

export interface FinalizedValues extends ValuesRecord {
  /** SHA-256, in hex, of `canonicalJson(record)` where the record is everything but this field. */
  contentHash: string
}

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
  stageName: 80
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

/** The record's shape alone; `valuesRecordSchema` adds the rules that tie its fields together. */
export const valuesRecordShape = z.object({
  v: z.literal(VALUES_RECORD_VERSION),
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
}) satisfies z.ZodType<ValuesRecord>

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
function checkPrivacy(record: ValuesRecord, context: z.RefinementCtx): void {
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

export const valuesRecordSchema = valuesRecordShape.superRefine(checkPrivacy)

export const CONTENT_HASH_PATTERN = /^[0-9a-f]{64}$/

/** A stored record's `contentHash`, for every template's finalized schema. */
export const contentHashSchema = z.string().regex(CONTENT_HASH_PATTERN, 'must be a SHA-256 in hex')

export const finalizedValuesSchema = valuesRecordShape.extend({ contentHash: contentHashSchema }).superRefine(checkPrivacy)

/** Splits a stored finalized record, of any template, into the record that was hashed and its hash. */
export function withoutHash<Finalized extends { contentHash: string }>({
  contentHash,
  ...record
}: Finalized): { record: Omit<Finalized, 'contentHash'>; contentHash: string } {
  return { record, contentHash }
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
