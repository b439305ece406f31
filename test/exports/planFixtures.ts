/**
 * A program plan for tests, written the way a support team would write it, with text that
 * breaks naive writers (Markdown and HTML look-alikes, pipes, formulas, accents, other
 * scripts, paragraphs): filled in through the plan model's intents, as the canvas does, and
 * finalized with buildProgramPlanRecord from the model's snapshot.
 */
import * as Y from 'yjs'
import { buildProgramPlanRecord, type DraftedProgramPlan, type ProgramPlanFinalizeInfo } from '../../shared/finalizeProgramPlan'
import type { FinalizedProgramPlan, ProgramPlanContent, ProgramPlanRecord } from '../../shared/programPlanRecord'
import { createProgramPlanModel, seedProgramPlan, type ProgramPlanModel } from '../../renderer/src/crdt/programPlan'
import { hashOf } from './valuesFixtures'

export const PLAN_WORKSHOP_ID = '6f1c2b3a-0000-4000-8000-00000000b1a0'

const at = (hours: number, minutes: number) => Date.UTC(2026, 10, 25, hours, minutes)

export const PLAN_INFO: ProgramPlanFinalizeInfo = {
  workshopId: PLAN_WORKSHOP_ID,
  title: 'Support team: “EX program”, 2026 / Q4',
  anonymous: false,
  finalizedAt: at(15, 40),
  participantNames: ['Jürgen', 'Ana', 'O’Brien, Pat', 'Chloé'],
  tookPart: 4,
  stageLog: [
    { stage: 'prompt', at: at(14, 0) },
    { stage: 'plan', at: at(14, 5) },
    { stage: 'finalize', at: at(15, 38) }
  ]
}

export const PLAN_TEXT = {
  programName: 'Fix it **first** time <script>alert("x")</script>',
  opportunities: [
    'Let agents refund billing errors on the first call',
    '- starts with a dash | has a pipe # and a hash',
    'Chloé’s “Überzeugung” — Ærlighet, Zażółć, Ακεραιότητα, Честность'
  ],
  targetEmployees: 'First-line support agents in Lyon and Porto.\n\nNew joiners too, from their second week.',
  targetCustomers: 'Small businesses with a billing question; 1) numbered? > quoted? <b>bold</b>?',
  activities: ['Offer a goodwill credit without asking a manager', '=SUM(A1:A9) looks like a formula, but it’s an activity'],
  boundaries: ['Up to €200 per customer per year', 'Never share another customer’s data', 'A [link](javascript:alert(1)) and `code`'],
  behaviours: ['Tell the customer what happens next, and when', 'Own the case until it is closed'],
  outcomes: [
    { metric: 'Customer satisfaction (CSAT) after a billing call', baseline: '72%', target: '85%', owner: 'Head of support', reviewDate: '2027-03-31' },
    { metric: 'Repeat contacts | within 7 days', baseline: '18%', target: '10%', owner: 'Ana O’Brien', reviewDate: '' },
    { metric: 'Churn of small businesses', baseline: '', target: '−2 points', owner: 'Customer success', reviewDate: '2027-06-30' }
  ],
  recognition: 'A success story at every Monday stand-up.\nThe customer’s own words go on the team wall.'
} as const

/** A plan no one wrote in: what an unseeded document reads as, and a record's content with every part empty. */
export const EMPTY_PLAN: DraftedProgramPlan & ProgramPlanContent = {
  programName: '',
  opportunities: [],
  targetEmployees: '',
  targetCustomers: '',
  activities: [],
  boundaries: [],
  behaviours: [],
  outcomes: [],
  recognition: ''
}

/** Fills the plan through the model's intents, as people at the canvas would, with one row left empty. */
export function writeSupportPlan(model: ProgramPlanModel): void {
  const { intents } = model
  for (const key of ['programName', 'targetEmployees', 'targetCustomers', 'recognition'] as const) intents.setText(key, PLAN_TEXT[key])
  for (const key of ['opportunities', 'activities', 'boundaries', 'behaviours'] as const) {
    for (const item of PLAN_TEXT[key]) intents.addItem(key, item)
  }
  for (const outcome of PLAN_TEXT.outcomes) {
    const { rowId } = intents.addOutcome()
    for (const column of ['metric', 'baseline', 'target', 'owner'] as const) intents.setOutcomeText(rowId!, column, outcome[column])
    intents.setReviewDate(rowId!, outcome.reviewDate)
  }
  intents.addOutcome()
}

/** The record the facilitator's screen makes when finalizing the support team's plan. */
export function supportPlanRecord(info: ProgramPlanFinalizeInfo = PLAN_INFO): ProgramPlanRecord {
  const doc = new Y.Doc()
  seedProgramPlan(doc)
  const model = createProgramPlanModel(doc)
  writeSupportPlan(model)
  const record = buildProgramPlanRecord(model.snapshots.getSnapshot(), info)
  model.destroy()
  return record
}

export const finalizedPlan = (record: ProgramPlanRecord = supportPlanRecord()): FinalizedProgramPlan => ({ ...record, contentHash: hashOf(record) })
