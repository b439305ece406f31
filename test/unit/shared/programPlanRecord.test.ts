import { describe, expect, it } from 'vitest'
import {
  finalizedProgramPlanSchema,
  parseProgramPlanRecord,
  PROGRAM_PLAN_RECORD_LIMITS,
  type ProgramPlanRecord
} from '../../../shared/programPlanRecord'
import { EMPTY_PLAN, finalizedPlan, supportPlanRecord } from '../../exports/planFixtures'

const problems = (value: unknown) => {
  const result = parseProgramPlanRecord(value)
  return result.ok ? null : result.problems
}

const L = PROGRAM_PLAN_RECORD_LIMITS

describe('parseProgramPlanRecord', () => {
  it('accepts a complete record and drops fields it does not know', () => {
    const record = supportPlanRecord()
    expect(parseProgramPlanRecord({ ...record, surprise: 'dropped' })).toEqual({ ok: true, record })
  })

  it('accepts an anonymous record without names, and a plan with only its name filled in', () => {
    const record = supportPlanRecord()
    const bare: ProgramPlanRecord = {
      ...record,
      ...EMPTY_PLAN,
      programName: record.programName,
      anonymous: true,
      participants: { count: 6, names: null },
      timeline: []
    }
    expect(problems(bare)).toBeNull()
  })

  it('names every field that is wrong', () => {
    const record = supportPlanRecord()
    const broken = {
      ...record,
      v: 2,
      kind: 'values',
      programName: '',
      boundaries: ['Up to €200', ''],
      outcomes: [{ ...record.outcomes[0]!, reviewDate: '2027-02-30' }, { ...record.outcomes[1]!, metric: 42 }],
      timeline: [{ stage: 'Plan the program', startedAt: '2026-11-25T14:05:00.000Z', endedAt: 'later' }]
    }
    expect(problems(broken)).toBe(
      'v expected 1; kind expected "program-plan"; programName a program name cannot be empty; ' +
        'boundaries.1 a boundary cannot be empty; outcomes.0.reviewDate must be a calendar date, yyyy-mm-dd; ' +
        'outcomes.1.metric expected string, received number; timeline.0.endedAt Invalid ISO datetime'
    )
    expect(problems(null)).toBe('the record expected object, received null')
  })

  it('refuses names in an anonymous workshop', () => {
    expect(problems({ ...supportPlanRecord(), anonymous: true })).toBe('participants.names must be empty (null) in an anonymous workshop')
  })

  it('bounds every list and every text, so a record cannot grow without limit', () => {
    const record = supportPlanRecord()
    const row = record.outcomes[0]!
    expect(problems({ ...record, outcomes: Array(L.outcomes + 1).fill(row) })).toBe(`outcomes at most ${L.outcomes} outcomes`)
    expect(problems({ ...record, activities: Array(L.itemsPerList + 1).fill('Waive a fee') })).toBe(
      `activities at most ${L.itemsPerList} activities`
    )
    expect(problems({ ...record, recognition: 'r'.repeat(L.recognition + 1) })).toBe(
      `recognition the recognition can be at most ${L.recognition} characters`
    )
    expect(problems({ ...record, outcomes: [{ ...row, owner: 'o'.repeat(L.cell + 1) }] })).toBe(
      `outcomes.0.owner an owner can be at most ${L.cell} characters`
    )
  })
})

describe('finalizedProgramPlanSchema', () => {
  it('takes a record with its hash, and nothing else for a hash', () => {
    const finalized = finalizedPlan()
    expect(finalizedProgramPlanSchema.safeParse(finalized).success).toBe(true)
    expect(finalizedProgramPlanSchema.safeParse({ ...finalized, contentHash: 'not a hash' }).success).toBe(false)
    expect(finalizedProgramPlanSchema.safeParse({ ...finalized, anonymous: true }).success).toBe(false)
  })
})
