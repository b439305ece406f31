/**
 * The record an EX program plan workshop leaves when it is finalized: the program the group
 * wrote (who it is for, what employees may now handle differently and within which
 * boundaries, the behaviours expected, the measurable outcomes, how successes are shared),
 * who took part and when each stage ran. It is stored once, hashed, never changed, and every
 * export is made from it.
 */
import { z } from 'zod'
import {
  checkAnonymity,
  contentHashSchema,
  named,
  list,
  parseRecord,
  participantsSchema,
  stageTimesSchema,
  text,
  type ParsedRecord
} from './valuesRecord'
import { TITLE_MAX_LENGTH } from './workshop'

export const PROGRAM_PLAN_RECORD_VERSION = 1

/** One measurable outcome: what is measured, from where to where, who watches it, when it is reviewed. */
export interface PlannedOutcome {
  metric: string
  baseline: string
  target: string
  owner: string
  /** A calendar day, yyyy-mm-dd; null when none was set. */
  reviewDate: string | null
}

/** What the group wrote, as plain data: the canvas's sections in its order. */
export interface ProgramPlanContent {
  programName: string
  /** The opportunities (from the journey map, or written in) the program takes up. */
  opportunities: string[]
  /** Which employees the program is for. */
  targetEmployees: string
  /** Which customers they serve in it. */
  targetCustomers: string
  /** What employees may now handle differently. */
  activities: string[]
  /** The boundaries of that freedom. */
  boundaries: string[]
  /** The behaviours expected. */
  behaviours: string[]
  outcomes: PlannedOutcome[]
  /** How successes will be recognised and shared. */
  recognition: string
}

/** Everything in the record except its hash. */
export interface ProgramPlanRecord extends ProgramPlanContent {
  v: typeof PROGRAM_PLAN_RECORD_VERSION
  kind: 'program-plan'
  workshopId: string
  title: string
  /** ISO 8601. */
  finalizedAt: string
  anonymous: boolean
  /** `names` is null when the workshop was anonymous. */
  participants: { count: number; names: string[] | null }
  timeline: Array<{ stage: string; startedAt: string; endedAt: string | null }>
}

export interface FinalizedProgramPlan extends ProgramPlanRecord {
  /** SHA-256, in hex, of `canonicalJson(record)` where the record is everything but this field. */
  contentHash: string
}

/**
 * Bounds on what a record may hold: it crosses the IPC and HTTP boundary and lives in
 * library.json. Each is at least what the canvas can show (renderer/src/crdt/programPlan.ts),
 * so a plan on screen always makes a valid record.
 */
export const PROGRAM_PLAN_RECORD_LIMITS = {
  programName: 120,
  /** Target employees, target customers. */
  target: 1_000,
  recognition: 2_000,
  /** Each of the opportunities, activities, boundaries and behaviours. */
  itemsPerList: 100,
  /** An opportunity can be a whole sticky note of the journey map. */
  item: 500,
  outcomes: 100,
  metric: 200,
  /** Baseline, target and owner. */
  cell: 100
} as const

const L = PROGRAM_PLAN_RECORD_LIMITS

/** yyyy-mm-dd, and a day that exists: no 31 April. */
const calendarDate = z.iso.date('must be a calendar date, yyyy-mm-dd')

export const isCalendarDate = (value: string): boolean => calendarDate.safeParse(value).success

const items = (what: string, item: string) => list(L.itemsPerList, what, named(L.item, item))

const outcomeSchema = z.object({
  metric: text(L.metric, 'a metric'),
  baseline: text(L.cell, 'a baseline'),
  target: text(L.cell, 'a target'),
  owner: text(L.cell, 'an owner'),
  reviewDate: calendarDate.nullable().describe('When the outcome is reviewed, yyyy-mm-dd; null when no date was set.')
})

/** The record's shape alone; `programPlanRecordSchema` adds the rules that tie its fields together. */
export const programPlanRecordShape = z.object({
  v: z.literal(PROGRAM_PLAN_RECORD_VERSION),
  kind: z.literal('program-plan'),
  workshopId: named(64, 'a workshop id'),
  title: named(TITLE_MAX_LENGTH, 'a title'),
  finalizedAt: z.iso.datetime().describe('When the facilitator finalized the workshop.'),
  anonymous: z.boolean(),
  participants: participantsSchema,
  programName: named(L.programName, 'a program name'),
  opportunities: items('opportunities', 'an opportunity').describe('The opportunities the program takes up.'),
  targetEmployees: text(L.target, 'the target employees').describe('Which employees the program is for.'),
  targetCustomers: text(L.target, 'the target customers').describe('Which customers they serve in it.'),
  activities: items('activities', 'an activity').describe('What employees may now handle differently.'),
  boundaries: items('boundaries', 'a boundary').describe('The boundaries of that freedom.'),
  behaviours: items('behaviours', 'a behaviour').describe('The behaviours expected.'),
  outcomes: z.array(outcomeSchema).max(L.outcomes, `at most ${L.outcomes} outcomes`).describe('The measurable outcomes that show it worked.'),
  recognition: text(L.recognition, 'the recognition').describe('How successes will be recognised and shared.'),
  timeline: stageTimesSchema.describe('When each stage of the workshop ran.')
}) satisfies z.ZodType<ProgramPlanRecord>

export const programPlanRecordSchema = programPlanRecordShape.superRefine(checkAnonymity)

export const finalizedProgramPlanSchema = programPlanRecordShape.extend({ contentHash: contentHashSchema }).superRefine(checkAnonymity)

export const parseProgramPlanRecord = (value: unknown): ParsedRecord<ProgramPlanRecord> => parseRecord(programPlanRecordSchema, value)
