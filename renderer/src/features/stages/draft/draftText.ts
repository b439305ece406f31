/**
 * The words of the draft stage: labels, what a refused edit tells the person, what a screen
 * reader hears after a move. Pure functions, so they are tested without a DOM.
 */
import {
  BEHAVIOUR_MAX_LENGTH,
  EXAMPLE_MAX_LENGTH,
  MAX_BEHAVIOURS,
  MAX_EXAMPLES,
  MAX_VALUES,
  VALUE_DEFINITION_MAX_LENGTH,
  type ValueEditResult,
  type ValueListKind
} from '../../../crdt/values'

/** How many clusters the facilitator's "Create candidates" starts with. */
export const DEFAULT_SEED_COUNT = 5

/** What a nameless candidate (a faulty peer's) is called on screen. */
export const displayName = (name: string) => name.trim() || 'Untitled value'

export const dotCount = (dots: number) => (dots === 1 ? '1 dot' : `${dots} dots`)

export const seedButtonLabel = (count: number) =>
  count === 1 ? 'Create a candidate from the top cluster' : `Create candidates from the top ${count} clusters`

/** The number of clusters to seed from what the person typed: a whole number within bounds. */
export function seedCount(typed: string, available: number): number {
  const most = Math.min(MAX_VALUES, available)
  const parsed = Number.parseInt(typed, 10)
  if (!Number.isFinite(parsed)) return Math.min(DEFAULT_SEED_COUNT, most)
  return Math.max(Math.min(1, most), Math.min(parsed, most))
}

interface ListWords {
  /** The list's heading. */
  title: string
  /** One item, in a sentence: "behaviour", "example story". */
  noun: string
  addLabel(valueName: string): string
  placeholder: string
  empty: string
  maxItems: number
  maxLength: number
}

export const LIST_WORDS: Record<ValueListKind, ListWords> = {
  weDo: {
    title: 'We do',
    noun: '“we do” behaviour',
    addLabel: (valueName) => `Add a “we do” behaviour to ${valueName}`,
    placeholder: 'One behaviour, in a few words',
    empty: 'No “we do” behaviours yet.',
    maxItems: MAX_BEHAVIOURS,
    maxLength: BEHAVIOUR_MAX_LENGTH
  },
  weDont: {
    title: 'We don’t',
    noun: '“we don’t” behaviour',
    addLabel: (valueName) => `Add a “we don’t” behaviour to ${valueName}`,
    placeholder: 'One behaviour, in a few words',
    empty: 'No “we don’t” behaviours yet.',
    maxItems: MAX_BEHAVIOURS,
    maxLength: BEHAVIOUR_MAX_LENGTH
  },
  examples: {
    title: 'Example stories',
    noun: 'example story',
    addLabel: (valueName) => `Add an example story to ${valueName}`,
    placeholder: 'What happened, who did it, what changed for the customer…',
    empty: 'No example stories yet.',
    maxItems: MAX_EXAMPLES,
    maxLength: EXAMPLE_MAX_LENGTH
  }
}

/** What to tell the person after adding or editing an item of a list; '' when all went well. */
export function listEditMessage(kind: ValueListKind, result: ValueEditResult): string {
  const words = LIST_WORDS[kind]
  switch (result.refused) {
    case 'duplicate':
      return `That ${words.noun} is already on the list.`
    case 'full':
      return `A value holds up to ${words.maxItems} ${kind === 'examples' ? 'example stories' : `${words.noun}s`}. Remove one to add another.`
    case 'missing':
      return 'Someone else changed or removed it meanwhile; nothing was saved. Look at the list again.'
    case 'blank':
      return `Write the ${words.noun} first.`
    case null:
      if (!result.truncated) return ''
      return `${kind === 'examples' ? 'An example story' : 'A behaviour'} holds up to ${words.maxLength} characters; the rest was left out.`
  }
}

export const DEFINITION_TOO_LONG_MESSAGE = `A definition holds up to ${VALUE_DEFINITION_MAX_LENGTH} characters; the rest was left out.`

export const VALUES_FULL_MESSAGE = `A workshop holds up to ${MAX_VALUES} value candidates. Drop or merge one to add another.`

/** Why a merge did not happen, shown in its dialog; '' when it did. */
export function mergeProblem(result: ValueEditResult): string {
  switch (result.refused) {
    case 'full':
      return `Together they would have more behaviours or example stories than a value holds (${MAX_BEHAVIOURS} of each behaviour, ${MAX_EXAMPLES} stories). Remove some from either value first; nothing was merged.`
    case 'missing':
      return 'One of the two values was dropped or merged by someone else meanwhile; nothing was merged.'
    default:
      return ''
  }
}

export const announce = {
  moved: (name: string, position: number, total: number) => `${displayName(name)} moved to position ${position} of ${total}.`,
  merged: (from: string, into: string, truncated: boolean) =>
    `Merged ${displayName(from)} into ${displayName(into)}.` +
    (truncated ? ` The two definitions together were longer than ${VALUE_DEFINITION_MAX_LENGTH} characters; the end was left out.` : ''),
  dropped: (name: string) => `Dropped ${displayName(name)}.`,
  added: (name: string) => `Added ${displayName(name)}.`,
  created: (count: number) => (count === 1 ? 'Created 1 value candidate.' : `Created ${count} value candidates.`)
}
