/**
 * A finalized workshop's record, whatever its template: the core-values record (which has
 * no `kind`, being the first), the journey map's and the program plan's. The library stores
 * one per workshop, checked against its workshop's template.
 */
import { z } from 'zod'
import { finalizedJourneySchema, journeyRecordSchema, parseJourneyRecord, type FinalizedJourney, type JourneyRecord } from './journeyRecord'
import {
  finalizedProgramPlanSchema,
  parseProgramPlanRecord,
  programPlanRecordSchema,
  type FinalizedProgramPlan,
  type ProgramPlanRecord
} from './programPlanRecord'
import type { TemplateId } from './templates'
import { finalizedValuesSchema, parseValuesRecord, valuesRecordSchema, type FinalizedValues, type ValuesRecord } from './valuesRecord'

export type WorkshopRecord = ValuesRecord | JourneyRecord | ProgramPlanRecord
export type FinalizedRecord = FinalizedValues | FinalizedJourney | FinalizedProgramPlan

const recordSchemaOf = (value: unknown) => {
  const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined
  if (kind === 'journey-map') return journeyRecordSchema
  if (kind === 'program-plan') return programPlanRecordSchema
  return valuesRecordSchema
}

/**
 * Every record, as it crosses the IPC and HTTP boundary, checked by the schema its `kind`
 * names (a union would only say "invalid input"); the library then checks it against the
 * workshop's template.
 */
export const workshopRecordSchema = z.unknown().transform((value, context): WorkshopRecord => {
  const result = recordSchemaOf(value).safeParse(value)
  if (result.success) return result.data
  for (const issue of result.error.issues) context.addIssue({ code: 'custom', path: issue.path, message: issue.message })
  return z.NEVER
})
/** Every stored record, as library.json holds it. */
export const finalizedRecordSchema = z.union([finalizedJourneySchema, finalizedProgramPlanSchema, finalizedValuesSchema])

/** The template a record belongs to. */
export function templateOfRecord(record: WorkshopRecord): TemplateId {
  return 'kind' in record ? record.kind : 'core-values'
}

/** The record as its template's schema reads it, or what is wrong with it in one line. */
export function parseRecordFor(
  template: TemplateId,
  value: unknown
): { ok: true; record: WorkshopRecord } | { ok: false; problems: string } {
  switch (template) {
    case 'core-values':
      return parseValuesRecord(value)
    case 'journey-map':
      return parseJourneyRecord(value)
    case 'program-plan':
      return parseProgramPlanRecord(value)
  }
}

export const isFinalizedValues = (record: FinalizedRecord | null): record is FinalizedValues => record !== null && !('kind' in record)
export const isFinalizedJourney = (record: FinalizedRecord | null): record is FinalizedJourney =>
  record !== null && 'kind' in record && record.kind === 'journey-map'
export const isFinalizedProgramPlan = (record: FinalizedRecord | null): record is FinalizedProgramPlan =>
  record !== null && 'kind' in record && record.kind === 'program-plan'
