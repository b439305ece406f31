/**
 * What a finished program-plan workshop puts in its record (programPlanRecord.ts), made from
 * the plan as the canvas shows it. Pure: the facilitator's screen calls it once, when
 * finalizing, and the record is then kept as it is, whatever anyone does to the plan afterwards.
 */
import { isCalendarDate, PROGRAM_PLAN_RECORD_VERSION, type PlannedOutcome, type ProgramPlanRecord } from './programPlanRecord'
import { stageTimeline, type StageStart } from './stages'

/** A row of the outcomes table as written; `reviewDate` is '' until someone picks a day. */
export interface DraftedOutcome {
  metric: string
  baseline: string
  target: string
  owner: string
  reviewDate: string
}

/** The plan as the canvas shows it (renderer/src/crdt/programPlan.ts reads it from the document). */
export interface DraftedProgramPlan {
  programName: string
  opportunities: readonly string[]
  targetEmployees: string
  targetCustomers: string
  activities: readonly string[]
  boundaries: readonly string[]
  behaviours: readonly string[]
  outcomes: readonly DraftedOutcome[]
  recognition: string
}

export interface ProgramPlanFinalizeInfo {
  workshopId: string
  title: string
  anonymous: boolean
  /** Host time, ms. */
  finalizedAt: number
  /** Participants present when finalizing (the facilitator not counted). */
  participantNames: readonly string[]
  /** Participants who were in the room at any time, as the host counted them (0 when not live): someone who left counts too. */
  tookPart: number
  stageLog: readonly StageStart[]
}

export const UNTITLED_PROGRAM = 'Untitled program'

const nonBlank = (items: readonly string[]) => items.map((item) => item.trim()).filter(Boolean)

function outcome(row: DraftedOutcome): PlannedOutcome {
  const reviewDate = row.reviewDate.trim()
  return {
    metric: row.metric.trim(),
    baseline: row.baseline.trim(),
    target: row.target.trim(),
    owner: row.owner.trim(),
    reviewDate: isCalendarDate(reviewDate) ? reviewDate : null
  }
}

/** A row someone added and never filled in says nothing: it is left out. */
const isBlank = (row: PlannedOutcome) => !row.metric && !row.baseline && !row.target && !row.owner && row.reviewDate === null

export function buildProgramPlanRecord(plan: DraftedProgramPlan, info: ProgramPlanFinalizeInfo): ProgramPlanRecord {
  return {
    v: PROGRAM_PLAN_RECORD_VERSION,
    kind: 'program-plan',
    workshopId: info.workshopId,
    title: info.title,
    finalizedAt: new Date(info.finalizedAt).toISOString(),
    anonymous: info.anonymous,
    participants: {
      count: Math.max(info.participantNames.length, info.tookPart),
      names: info.anonymous ? null : [...info.participantNames].sort((a, b) => a.localeCompare(b))
    },
    // A name is one line, whatever was pasted into its box.
    programName: plan.programName.replace(/\s+/g, ' ').trim() || UNTITLED_PROGRAM,
    opportunities: nonBlank(plan.opportunities),
    targetEmployees: plan.targetEmployees.trim(),
    targetCustomers: plan.targetCustomers.trim(),
    activities: nonBlank(plan.activities),
    boundaries: nonBlank(plan.boundaries),
    behaviours: nonBlank(plan.behaviours),
    outcomes: plan.outcomes.map(outcome).filter((row) => !isBlank(row)),
    recognition: plan.recognition.trim(),
    timeline: stageTimeline('program-plan', info.stageLog, info.finalizedAt)
  }
}
