/**
 * Finalized values records for tests and benchmarks: a 12-value workshop written the way
 * people write (commas, quotes, line breaks, Markdown and HTML look-alikes, accents, other
 * scripts), and the hash computed here on its own, not by the code under test.
 */
import { createHash } from 'node:crypto'
import { canonicalJson } from '../../shared/canonicalJson'
import type { FinalizedValues, ValueStatement, ValuesRecord } from '../../shared/valuesRecord'

export const WORKSHOP_ID = '6f1c2b3a-0000-4000-8000-00000000c0de'

/** Text that breaks naive Markdown, CSV, HTML and PDF writers. */
export const AWKWARD = {
  name: '**Ownership** <script>alert("x")</script>',
  definition: 'We finish what we start, even when it’s hard.\nLine two: commas, "quotes" & <b>tags</b> | pipes # hashes',
  weDo: '=SUM(A1:A9) looks like a formula, but it’s a behaviour',
  weDont: '- start a line with a dash, or # a hash, or 1. a number',
  example: 'Chloé’s “Überzeugung” story — Ærlighet, Zażółć, Ακεραιότητα, Честность\n\nA second paragraph, with a [link](javascript:alert(1)) and `code`.'
} as const

const NAMES = [
  'Integrity',
  'Customer Obsessed',
  'Ownership',
  'Respect',
  'Curiosity',
  'Courage',
  'Simplicity',
  'Teamwork',
  'Learning',
  'Care',
  'Transparency',
  'Speed'
]

function value(name: string, index: number): ValueStatement {
  return {
    name,
    definition: `${name} means we act the same way whether or not anyone is watching, value ${index + 1} of 12.`,
    weDo: [
      `${name}: call the customer back the same day`,
      `${name}: say “I don’t know yet” and follow up`,
      `${name}: share the numbers, good or bad`
    ],
    weDont: [`${name}: promise what we can’t deliver`, `${name}: blame another team in front of a customer`],
    examples: [`When the billing system failed, Ana (${name}) phoned all 40 affected customers before noon.`],
    consensus: { scores: [0, 0, 1, 2, 5, 4], voters: 12, average: 4, flagged: false }
  }
}

export function twelveValueRecord(): ValuesRecord {
  const values = NAMES.map(value)
  values[2] = {
    ...values[2]!,
    name: AWKWARD.name,
    definition: AWKWARD.definition,
    weDo: [AWKWARD.weDo, ...values[2]!.weDo],
    weDont: [AWKWARD.weDont, ...values[2]!.weDont],
    examples: [AWKWARD.example]
  }
  values[4] = { ...values[4]!, consensus: { scores: [1, 2, 3, 3, 2, 1], voters: 12, average: 2.5, flagged: true } }
  values[6] = { ...values[6]!, consensus: { scores: [0, 0, 0, 1, 1, 0], voters: 2, average: null, flagged: false } }
  values[8] = { ...values[8]!, consensus: null, examples: [] }
  return {
    v: 1,
    workshopId: WORKSHOP_ID,
    title: 'Support team: “values”, 2026 / Q4',
    prompt: 'What do we stand for when serving our customers?',
    finalizedAt: '2026-11-25T14:30:00.000Z',
    anonymous: false,
    participants: { count: 4, names: ['Ana', 'Chloé', 'Jürgen', 'O’Brien, Pat'] },
    values,
    votes: {
      budget: 3,
      multipleDotsPerCluster: false,
      voters: 12,
      ranking: NAMES.map((cluster, index) => ({ cluster, dots: 24 - index * 2 }))
    },
    consensusRule: { threshold: 3, minGroup: 3 },
    stages: [
      { stage: 'Silent brainstorm', startedAt: '2026-11-25T13:02:00.000Z', endedAt: '2026-11-25T13:15:00.000Z' },
      { stage: 'Dot vote', startedAt: '2026-11-25T13:40:00.000Z', endedAt: '2026-11-25T13:48:30.000Z' },
      { stage: 'Finalize', startedAt: '2026-11-25T14:29:00.000Z', endedAt: null }
    ]
  }
}

/** SHA-256 of the record's canonical JSON, computed with node:crypto here, not by the app. */
export const hashOf = (record: object): string => createHash('sha256').update(canonicalJson(record), 'utf8').digest('hex')

export const finalized = (record: ValuesRecord = twelveValueRecord()): FinalizedValues => ({ ...record, contentHash: hashOf(record) })

/** Every piece of agreed text in a record: what each export must carry. */
export function agreedTexts(record: ValuesRecord): string[] {
  return record.values.flatMap((each) => [each.name, each.definition, ...each.weDo, ...each.weDont, ...each.examples])
}
