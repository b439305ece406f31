/**
 * The words of the program-plan canvas: each section's question and hint, the lists' labels,
 * what a refused or cut edit tells the person, and what a screen reader hears after a change.
 * Pure functions, so they are tested without a DOM.
 */
import {
  MAX_OUTCOMES,
  OUTCOME_TEXT_MAX_LENGTH,
  PLAN_LIST_RULES,
  PLAN_TEXT_MAX_LENGTH,
  type OutcomeTextKey,
  type PlanListKey,
  type PlanTextKey
} from '../../crdt/programPlan'
import type { EditResult } from '../../crdt/textLists'
import { preview } from '../../ui/listItems'

/** A section's heading, as a question the group answers, and one line on what to write. */
export interface SectionWords {
  title: string
  hint: string
}

export const SECTIONS = {
  opportunities: {
    title: 'Which opportunities does the program take up?',
    hint: 'The top opportunities of the journey map, or your own words: one per line.'
  },
  who: {
    title: 'Who are the employees and customers?',
    hint: 'Name the team or role, and the customers or moments they serve.'
  },
  activities: {
    title: 'What may employees now handle differently?',
    hint: 'Decisions and actions they can take on their own, without asking first.'
  },
  boundaries: {
    title: 'Within which boundaries?',
    hint: 'The limits of that freedom: amounts, kinds of case, what stays off limits.'
  },
  behaviours: {
    title: 'Which behaviours do we expect?',
    hint: 'What customers and colleagues will see employees do.'
  },
  outcomes: {
    title: 'How will we know it worked?',
    hint: 'Measurable outcomes such as satisfaction scores, churn or resolution time: where we are, where we aim to be, who watches it, when we look again.'
  },
  recognition: {
    title: 'How will we recognise and share successes?',
    hint: 'Where success stories are told, and how the people behind them are thanked.'
  }
} as const satisfies Record<string, SectionWords>

export interface TextWords {
  label: string
  placeholder: string
}

export const TEXT_WORDS: Record<PlanTextKey, TextWords> = {
  programName: { label: 'Program name', placeholder: 'A short name people will remember, e.g. “Fix it first time”' },
  targetEmployees: { label: 'Employees', placeholder: 'e.g. First-line support agents in every branch' },
  targetCustomers: { label: 'Customers', placeholder: 'e.g. Customers who call about a billing error' },
  recognition: {
    label: 'Recognition and sharing',
    placeholder: 'e.g. A success story at every Monday stand-up; a thank-you card from the customer team'
  }
}

export interface ListWords {
  /** One item, in a sentence. */
  noun: string
  /** One item with its article, to start a sentence. */
  anItem: string
  plural: string
  /** The add box's accessible name. */
  addLabel: string
  placeholder: string
  empty: string
}

export const LIST_WORDS: Record<PlanListKey, ListWords> = {
  opportunities: {
    noun: 'opportunity',
    anItem: 'An opportunity',
    plural: 'opportunities',
    addLabel: 'Add an opportunity',
    placeholder: 'One opportunity, in a few words',
    empty: 'No opportunities yet.'
  },
  activities: {
    noun: 'activity',
    anItem: 'An activity',
    plural: 'activities',
    addLabel: 'Add an activity employees may handle differently',
    placeholder: 'e.g. Offer a goodwill credit without asking a manager',
    empty: 'No activities yet.'
  },
  boundaries: {
    noun: 'boundary',
    anItem: 'A boundary',
    plural: 'boundaries',
    addLabel: 'Add a boundary',
    placeholder: 'e.g. Up to €200 per customer per year',
    empty: 'No boundaries yet.'
  },
  behaviours: {
    noun: 'behaviour',
    anItem: 'A behaviour',
    plural: 'behaviours',
    addLabel: 'Add an expected behaviour',
    placeholder: 'e.g. Tell the customer what happens next, and when',
    empty: 'No behaviours yet.'
  }
}

export const COLUMN_WORDS: Record<OutcomeTextKey | 'reviewDate', string> = {
  metric: 'Metric',
  baseline: 'Baseline',
  target: 'Target',
  owner: 'Owner',
  reviewDate: 'Review date'
}

const characters = (max: number) => `${max.toLocaleString('en')} characters`

/** Shown under a shared text when what was typed or pasted did not fit. */
export const textTooLong = (key: PlanTextKey) =>
  `${TEXT_WORDS[key].label} holds up to ${characters(PLAN_TEXT_MAX_LENGTH[key])}; the rest was left out.`

export const cellTooLong = (column: OutcomeTextKey) =>
  `A ${COLUMN_WORDS[column].toLowerCase()} holds up to ${characters(OUTCOME_TEXT_MAX_LENGTH[column])}; the rest was left out.`

export const OUTCOMES_FULL_MESSAGE = `The plan holds up to ${MAX_OUTCOMES} measurable outcomes. Remove one to add another.`

/** What to tell the person after adding or editing an item of a list; '' when all went well. */
export function listEditMessage(list: PlanListKey, result: EditResult): string {
  const { noun, anItem, plural } = LIST_WORDS[list]
  const rules = PLAN_LIST_RULES[list]
  switch (result.refused) {
    case 'duplicate':
      return `That ${noun} is already on the list.`
    case 'full':
      return `The plan holds up to ${rules.maxItems} ${plural}. Remove one to add another.`
    case 'missing':
      return 'Someone else changed or removed it meanwhile; nothing was saved. Look at the list again.'
    case 'blank':
      return `Write the ${noun} first.`
    case null:
      return result.truncated ? `${anItem} holds up to ${characters(rules.maxLength)}; the rest was left out.` : ''
  }
}

/** A row's name in a sentence or a button: its metric, or its place when it has none yet. */
export const outcomeName = (metric: string, position: number) => (metric.trim() ? `“${preview(metric)}”` : `outcome ${position}`)

export const announce = {
  itemAdded: (list: PlanListKey, text: string) => `Added ${LIST_WORDS[list].noun}: ${preview(text)}.`,
  itemRemoved: (list: PlanListKey, text: string) => `Removed ${LIST_WORDS[list].noun}: ${preview(text)}.`,
  outcomeAdded: (position: number) => `Added outcome ${position}. Its metric has the focus.`,
  outcomeRemoved: (metric: string, position: number) => `Removed ${outcomeName(metric, position)}.`
}
