import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { buildProgramPlanRecord, UNTITLED_PROGRAM, type DraftedProgramPlan } from '../../../shared/finalizeProgramPlan'
import { parseProgramPlanRecord } from '../../../shared/programPlanRecord'
import {
  addOutcome,
  addPlanItem,
  MAX_OUTCOMES,
  OUTCOME_TEXT_KEYS,
  OUTCOME_TEXT_MAX_LENGTH,
  PLAN_LIST_KEYS,
  PLAN_LIST_RULES,
  PLAN_TEXT_KEYS,
  PLAN_TEXT_MAX_LENGTH,
  readProgramPlan,
  seedProgramPlan,
  setOutcomeText,
  setPlanText,
  setReviewDate
} from '../../../renderer/src/crdt/programPlan'
import { EMPTY_PLAN, PLAN_INFO, PLAN_TEXT, supportPlanRecord } from '../../exports/planFixtures'

describe('buildProgramPlanRecord', () => {
  it('keeps the plan as the canvas showed it, without the rows no one filled in', () => {
    const record = supportPlanRecord()
    expect(record).toMatchObject({
      v: 1,
      kind: 'program-plan',
      workshopId: PLAN_INFO.workshopId,
      title: PLAN_INFO.title,
      finalizedAt: '2026-11-25T15:40:00.000Z',
      anonymous: false,
      programName: PLAN_TEXT.programName,
      opportunities: PLAN_TEXT.opportunities,
      targetEmployees: PLAN_TEXT.targetEmployees,
      targetCustomers: PLAN_TEXT.targetCustomers,
      activities: PLAN_TEXT.activities,
      boundaries: PLAN_TEXT.boundaries,
      behaviours: PLAN_TEXT.behaviours,
      recognition: PLAN_TEXT.recognition
    })
    expect(record.outcomes).toEqual(PLAN_TEXT.outcomes.map((outcome) => ({ ...outcome, reviewDate: outcome.reviewDate || null })))
    expect(parseProgramPlanRecord(record)).toEqual({ ok: true, record })
  })

  it('records who took part, sorted, and when each stage ran', () => {
    const record = supportPlanRecord()
    expect(record.participants).toEqual({ count: 4, names: ['Ana', 'Chloé', 'Jürgen', 'O’Brien, Pat'] })
    expect(record.timeline).toEqual([
      { stage: 'Prompt', startedAt: '2026-11-25T14:00:00.000Z', endedAt: '2026-11-25T14:05:00.000Z' },
      { stage: 'Plan the program', startedAt: '2026-11-25T14:05:00.000Z', endedAt: '2026-11-25T15:38:00.000Z' },
      { stage: 'Finalize', startedAt: '2026-11-25T15:38:00.000Z', endedAt: '2026-11-25T15:40:00.000Z' }
    ])
  })

  it('names no one in an anonymous workshop', () => {
    const record = supportPlanRecord({ ...PLAN_INFO, anonymous: true })
    expect(record.participants).toEqual({ count: 4, names: null })
    expect(parseProgramPlanRecord(record).ok).toBe(true)
  })

  it('counts those who left before the end, as the host counted them', () => {
    expect(supportPlanRecord({ ...PLAN_INFO, anonymous: true, tookPart: 6 }).participants).toEqual({ count: 6, names: null })
  })

  it('trims what was typed, names a nameless program and puts a pasted name on one line', () => {
    const plan: DraftedProgramPlan = {
      ...EMPTY_PLAN,
      targetEmployees: '  Agents \n',
      activities: ['  Waive a late fee ', '   '],
      outcomes: [{ metric: ' NPS ', baseline: '', target: '', owner: '', reviewDate: '  ' }]
    }
    expect(buildProgramPlanRecord(plan, PLAN_INFO)).toMatchObject({
      programName: UNTITLED_PROGRAM,
      targetEmployees: 'Agents',
      activities: ['Waive a late fee'],
      outcomes: [{ metric: 'NPS', baseline: '', target: '', owner: '', reviewDate: null }]
    })
    expect(buildProgramPlanRecord({ ...plan, programName: ' Fix it\nfirst   time ' }, PLAN_INFO).programName).toBe('Fix it first time')
  })

  it('makes a valid record of a plan filled to every limit, even past it by two people adding at once', () => {
    const doc = new Y.Doc()
    seedProgramPlan(doc)
    const long = (length: number) => 'x'.repeat(length)
    for (const key of PLAN_TEXT_KEYS) setPlanText(doc, key, long(PLAN_TEXT_MAX_LENGTH[key]))
    for (const key of PLAN_LIST_KEYS) {
      const { maxItems, maxLength } = PLAN_LIST_RULES[key]
      for (let i = 0; i < maxItems; i++) addPlanItem(doc, key, `${i} ${long(maxLength)}`)
    }
    for (let i = 0; i < MAX_OUTCOMES; i++) {
      const { rowId } = addOutcome(doc)
      for (const column of OUTCOME_TEXT_KEYS) setOutcomeText(doc, rowId!, column, long(OUTCOME_TEXT_MAX_LENGTH[column]))
      setReviewDate(doc, rowId!, '2027-12-31')
    }
    // A peer whose writes no intent bounded: the readers still do.
    doc.transact(() => {
      for (const key of PLAN_LIST_KEYS) (doc.getMap('plan').get(key) as Y.Array<string>).push(Array.from({ length: 500 }, (_, i) => `extra ${i}`))
    })

    const record = buildProgramPlanRecord(readProgramPlan(doc), { ...PLAN_INFO, participantNames: Array(200).fill('Guest') })
    expect(record.activities.length).toBeGreaterThan(PLAN_LIST_RULES.activities.maxItems)
    const parsed = parseProgramPlanRecord(record)
    expect(parsed.ok ? 'valid' : parsed.problems).toBe('valid')
  })
})
