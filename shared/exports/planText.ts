/**
 * The wording every export of a program plan shares, so its Markdown file and its PDF say the
 * same thing. The decision record's words, the times (in UTC) and the participants are those
 * of the values exports (valuesText.ts).
 */
import type { PlannedOutcome, ProgramPlanRecord } from '../programPlanRecord'

export const PLAN_LABELS = {
  pageTitle: 'EX program plan',
  workshop: 'Workshop',
  opportunities: 'Opportunities it takes up',
  who: 'Who it is for',
  employees: 'Employees',
  customers: 'Customers',
  activities: 'What employees may now handle differently',
  boundaries: 'Within these boundaries',
  behaviours: 'Behaviours we expect',
  outcomes: 'How we will know it worked',
  recognition: 'How we recognise and share successes',
  notFilledIn: 'Not filled in.',
  /** An empty cell of the outcomes table. */
  notSet: '—'
} as const

export const OUTCOME_COLUMNS: ReadonlyArray<{ key: keyof PlannedOutcome; label: string }> = [
  { key: 'metric', label: 'Metric' },
  { key: 'baseline', label: 'Baseline' },
  { key: 'target', label: 'Target' },
  { key: 'owner', label: 'Owner' },
  { key: 'reviewDate', label: 'Review date' }
]

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

/** "31 Mar 2027" for 2027-03-31: a day on the calendar, the same in every time zone. */
export function formatCalendarDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number)
  return `${day} ${MONTHS[month! - 1]} ${year}`
}

/** An outcome's cells as shown, in OUTCOME_COLUMNS' order: one line each, a dash when empty. */
export function outcomeCells(outcome: PlannedOutcome): string[] {
  return OUTCOME_COLUMNS.map(({ key }) => {
    const value = key === 'reviewDate' ? (outcome.reviewDate === null ? '' : formatCalendarDate(outcome.reviewDate)) : outcome[key]
    return value.replace(/\s+/g, ' ').trim() || PLAN_LABELS.notSet
  })
}

/** The plan's lists, with the heading each has in the exports. */
export const planLists = (record: ProgramPlanRecord) =>
  [
    { label: PLAN_LABELS.activities, items: record.activities },
    { label: PLAN_LABELS.boundaries, items: record.boundaries },
    { label: PLAN_LABELS.behaviours, items: record.behaviours }
  ] as const
