/**
 * Finalized values records for tests and benchmarks: a 12-value workshop written the way
 * people write (commas, quotes, line breaks, Markdown and HTML look-alikes, accents, other
 * scripts), and the hash computed here on its own, not by the code under test.
 */
import { createHash } from 'node:crypto'
import { canonicalJson } from '../../shared/canonicalJson'
import type { ClusterNotes, FinalizedValues, StoredValuesRecord, ValueStatement, ValuesRecord, ValuesRecordV1, ValuesRecordV2, VotePlace } from '../../shared/valuesRecord'

export const WORKSHOP_ID = '6f1c2b3a-0000-4000-8000-00000000c0de'

/** Text that breaks naive Markdown, CSV, HTML and PDF writers. */
export const AWKWARD = {
  name: '**Ownership** <script>alert("x")</script>',
  definition: 'We finish what we start, even when it’s hard.\nLine two: commas, "quotes" & <b>tags</b> | pipes # hashes',
  weDo: '=SUM(A1:A9) looks like a formula, but it’s a behaviour',
  weDont: '- start a line with a dash, or # a hash, or 1. a number',
  example: 'Chloé’s “Überzeugung” story — Ærlighet, Zażółć, Ακεραιότητα, Честность\n\nA second paragraph, with a [link](javascript:alert(1)) and `code`.'
} as const

/** Notes as a room writes them, awkward ones among them. */
export const AWKWARD_NOTES = {
  formula: '=HYPERLINK("http://example.com","click") is just a note',
  lines: 'Two lines:\nsecond line, with commas, "quotes" & <b>tags</b>',
  markdown: '# not a heading | - not a list | **not bold**',
  accents: 'Zażółć gęślą jaźń, Ακεραιότητα, Честность'
} as const

/** The board of the twelve-value workshop: clusters in the board's order (one left empty), and two notes never sorted. */
export const TWELVE_VALUE_CLUSTERS: ClusterNotes[] = [
  { title: 'Curiosity over blame', notes: ['Ask why before who', 'Post-mortems without names', AWKWARD_NOTES.lines] },
  { title: 'Customers first', notes: ['Call back the same day', AWKWARD_NOTES.formula, 'Say “I don’t know yet”'] },
  { title: 'Own it', notes: [AWKWARD_NOTES.markdown, 'Finish what we start'] },
  { title: 'Quiet corner', notes: [] },
  { title: 'Open books', notes: [AWKWARD_NOTES.accents, 'Share the numbers, good or bad'] }
]

export const TWELVE_VALUE_UNSORTED = ['Free coffee on Fridays', 'More plants']

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
    v: 3,
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
      ranking: NAMES.map((cluster, index) => ({ cluster, dots: 24 - index * 2, rank: index + 1, tie: 'none' }))
    },
    consensusRule: { threshold: 3, minGroup: 3 },
    stages: [
      { stage: 'Silent brainstorm', startedAt: '2026-11-25T13:02:00.000Z', endedAt: '2026-11-25T13:15:00.000Z' },
      { stage: 'Dot vote', startedAt: '2026-11-25T13:40:00.000Z', endedAt: '2026-11-25T13:48:30.000Z' },
      { stage: 'Finalize', startedAt: '2026-11-25T14:29:00.000Z', endedAt: null }
    ],
    clusters: structuredClone(TWELVE_VALUE_CLUSTERS),
    unsortedNotes: [...TWELVE_VALUE_UNSORTED]
  }
}

/** A 4 / 4 / 4 / 2 dot vote, with the top tie as the facilitator left it. */
export function threeWayTie(tie: VotePlace['tie'], order = ['Curiosity', 'Ownership', 'Respect']): VotePlace[] {
  const ranks = tie === 'broken' ? [1, 2, 3] : [1, 1, 1]
  return [...order.map((cluster, index) => ({ cluster, dots: 4, rank: ranks[index]!, tie })), { cluster: 'Speed', dots: 2, rank: 4, tie: 'none' }]
}

/** The twelve-value workshop with its dot vote replaced by this ranking. */
export const withRanking = (ranking: VotePlace[]): ValuesRecord => {
  const record = twelveValueRecord()
  return { ...record, votes: { ...record.votes, ranking } }
}

/** The twelve-value workshop as the app before version 3 finalized it: no tie decisions kept, each place only its cluster and dots. */
export function versionTwoRecord(ranking: VotePlace[] = twelveValueRecord().votes.ranking): ValuesRecordV2 {
  const record = twelveValueRecord()
  return { ...record, v: 2, votes: { ...record.votes, ranking: ranking.map(({ cluster, dots }) => ({ cluster, dots })) } }
}

/** The twelve-value workshop as the app before version 2 finalized it: no notes kept. */
export function versionOneRecord(): ValuesRecordV1 {
  const { clusters: _clusters, unsortedNotes: _unsorted, ...rest } = versionTwoRecord()
  return { ...rest, v: 1 }
}

/**
 * A big board: `clusters` clusters of `notesEach` notes, each note a sentence or two long and
 * numbered ("note 3.17") so a test can find every one.
 */
export function bigBoardRecord(clusters = 24, notesEach = 14): ValuesRecord {
  return {
    ...twelveValueRecord(),
    clusters: Array.from({ length: clusters }, (_, c) => ({
      title: `Theme ${c + 1}: ${NAMES[c % NAMES.length]} in daily work`,
      notes: Array.from(
        { length: notesEach },
        (_, n) =>
          `note ${c + 1}.${n + 1}: ${n % 3 === 0 ? 'when a customer calls twice about the same problem, the second person they reach should already know the whole story and own it to the end' : 'say what we will do, then do it'}`
      )
    })),
    unsortedNotes: ['note 0.1: unsorted', 'note 0.2: unsorted']
  }
}

/** SHA-256 of the record's canonical JSON, computed with node:crypto here, not by the app. */
export const hashOf = (record: object): string => createHash('sha256').update(canonicalJson(record), 'utf8').digest('hex')

export const finalized = (record: StoredValuesRecord = twelveValueRecord()): FinalizedValues => ({ ...record, contentHash: hashOf(record) })

/** Every note of a record, in the board's order, unsorted ones last. */
export const allNotes = (record: ValuesRecord): string[] => [...record.clusters.flatMap((cluster) => cluster.notes), ...record.unsortedNotes]

/** Every piece of agreed text in a record: what each export must carry. */
export function agreedTexts(record: ValuesRecord): string[] {
  return record.values.flatMap((each) => [each.name, each.definition, ...each.weDo, ...each.weDont, ...each.examples])
}
