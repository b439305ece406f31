/**
 * Finalized journey maps for tests and benchmarks: a small map written the way people write
 * (markup look-alikes, quotes, emoji, other scripts, a very long word), and a full one of
 * 8 stages × 6 lanes × 20 notes. The emotion results are written out here, not computed by
 * the code under test, and the hash is computed with node:crypto.
 */
import type { FinalizedJourney, JourneyNote, JourneyRecord, JourneyRecordV1, JourneyVotePlace } from '../../shared/journeyRecord'
import type { NoteColour } from '../../shared/board'
import type { LaneKind } from '../../shared/templates'
import { hashOf } from './valuesFixtures'

export const JOURNEY_WORKSHOP_ID = '6f1c2b3a-0000-4000-8000-00000000f00d'

const STAGES = ['Attract', 'Recruit', 'Onboard', 'Develop', 'Retain', 'Exit']
const LANES: Array<{ name: string; kind: LaneKind | null }> = [
  { name: 'Touchpoints', kind: null },
  { name: 'Moments that matter', kind: null },
  { name: 'Thoughts and feelings', kind: null },
  { name: 'Pain points', kind: 'painPoints' },
  { name: 'Opportunities', kind: 'opportunities' },
  { name: 'Owner', kind: null }
]

const stageId = (index: number) => `stage-${index + 1}`
const laneId = (index: number) => `lane-${index + 1}`
/** The lanes open to the dot vote: Pain points and Opportunities. */
const VOTED_LANES = [laneId(3), laneId(4)]

/** Note texts that break naive SVG, CSV, Markdown and PDF writers. */
export const AWKWARD_NOTES = {
  markup: 'Offer letter says <b>"TBD"</b> & salary = <script>alert(1)</script>',
  quotes: 'Chloé’s “first day” — Ærlighet, Zażółć, Ακεραιότητα, Честность',
  emoji: 'Laptop not ready on day one 😬👩🏽‍💻',
  formula: '=HYPERLINK("http://x.example") looks like a formula',
  markdown: '# not a heading, **not bold**, [not a link](javascript:alert(1)) | pipe',
  longWord: 'Pneumonoultramicroscopicsilicovolcanoconiosis-level-jargon-in-the-handbook',
  lines: 'First line\nsecond line, after a break'
} as const

interface NoteSpec {
  stage: number
  lane: number
  text: string
  colour?: NoteColour
  votes?: number
  value?: string
}

const SMALL_NOTES: NoteSpec[] = [
  { stage: 0, lane: 0, text: 'Careers page' },
  { stage: 0, lane: 0, text: 'Referral from a friend', colour: 'blue' },
  { stage: 0, lane: 2, text: AWKWARD_NOTES.quotes, colour: 'pink' },
  { stage: 1, lane: 0, text: 'Phone screen, then two interviews' },
  { stage: 1, lane: 1, text: 'The offer call', colour: 'green' },
  { stage: 1, lane: 3, text: AWKWARD_NOTES.markup, colour: 'orange', votes: 7 },
  { stage: 1, lane: 3, text: AWKWARD_NOTES.formula, colour: 'orange', votes: 0 },
  { stage: 2, lane: 1, text: 'First day: who is my buddy?', colour: 'green' },
  { stage: 2, lane: 3, text: AWKWARD_NOTES.emoji, colour: 'orange', votes: 9 },
  { stage: 2, lane: 4, text: 'Laptop and accounts ready before day one', colour: 'purple', votes: 11, value: 'Ownership' },
  { stage: 2, lane: 5, text: 'IT and the hiring manager' },
  { stage: 3, lane: 2, text: AWKWARD_NOTES.lines, colour: 'pink' },
  { stage: 3, lane: 3, text: AWKWARD_NOTES.longWord, colour: 'orange', votes: 2 },
  { stage: 3, lane: 4, text: 'A learning budget everyone knows about', colour: 'purple', votes: 5, value: 'Learning' },
  { stage: 4, lane: 0, text: 'Yearly review' },
  { stage: 4, lane: 4, text: AWKWARD_NOTES.markdown, colour: 'purple', votes: 3 },
  { stage: 5, lane: 1, text: 'Exit interview', colour: 'green' },
  { stage: 5, lane: 3, text: 'Nobody asks why people leave', colour: 'orange', votes: 4 },
  { stage: 5, lane: 4, text: 'Stay interviews at two years', colour: 'purple', votes: 6, value: 'Care' }
]

function note(spec: NoteSpec, index: number): JourneyNote {
  const voted = VOTED_LANES.includes(laneId(spec.lane))
  return {
    id: `note-${index + 1}`,
    stageId: stageId(spec.stage),
    laneId: laneId(spec.lane),
    text: spec.text,
    colour: spec.colour ?? 'yellow',
    votes: voted ? (spec.votes ?? 0) : null,
    linkedValue: spec.value ? { name: spec.value, workshopTitle: 'Our core values 2026' } : null
  }
}

/** The notes in record order: cell by cell, stage by stage, lane by lane. */
const inCellOrder = (specs: NoteSpec[]) => [...specs].sort((a, b) => a.stage - b.stage || a.lane - b.lane)

/**
 * The ranking of the voted notes as a record without tie decisions holds it, worked out here
 * the plain way (a note's rank is 1 + the notes with more dots), not by the code under test.
 */
export function undecidedRanking(notes: readonly JourneyNote[]): JourneyVotePlace[] {
  const voted = notes.filter((each) => each.votes !== null)
  return [...voted]
    .sort((a, b) => b.votes! - a.votes!)
    .map((each) => ({
      noteId: each.id,
      dots: each.votes!,
      rank: 1 + voted.filter((other) => other.votes! > each.votes!).length,
      tie: voted.some((other) => other !== each && other.votes === each.votes) ? 'undecided' : 'none'
    }))
}

/** A record as finalized before tie decisions were kept: version 1, no ranking. */
export function journeyRecordV1({ v: _v, votes: { ranking: _ranking, ...votes }, ...rest }: JourneyRecord): JourneyRecordV1 {
  return { ...rest, v: 1, votes }
}

function baseRecord(stageNames: string[]): Omit<JourneyRecord, 'notes' | 'emotions' | 'votes'> {
  return {
    v: 2,
    kind: 'journey-map',
    workshopId: JOURNEY_WORKSHOP_ID,
    title: 'New hires: “from offer to first year” & beyond',
    prompt: 'Where does the journey of a new support agent hurt, and where could we make it shine?',
    finalizedAt: '2026-11-26T16:45:00.000Z',
    anonymous: false,
    participants: { count: 9, names: ['Ana', 'Chloé', 'Jürgen', 'O’Brien, Pat', 'Ravi', 'Sam', 'Tomás', 'Yuki', 'Zoë'] },
    stages: stageNames.map((name, index) => ({ id: stageId(index), name })),
    lanes: LANES.map((lane, index) => ({ id: laneId(index), ...lane })),
    timeline: [
      { stage: 'Map the journey', startedAt: '2026-11-26T14:00:00.000Z', endedAt: '2026-11-26T15:10:00.000Z' },
      { stage: 'Emotion curve', startedAt: '2026-11-26T15:10:00.000Z', endedAt: '2026-11-26T15:25:00.000Z' },
      { stage: 'Dot vote', startedAt: '2026-11-26T15:25:00.000Z', endedAt: '2026-11-26T15:40:00.000Z' },
      { stage: 'Finalize', startedAt: '2026-11-26T16:40:00.000Z', endedAt: null }
    ]
  }
}

/** Six stages; Retain has ratings from only 2 people (withheld) and Exit none at all. */
export function smallJourneyRecord(): JourneyRecord {
  const notes = inCellOrder(SMALL_NOTES).map(note)
  return {
    ...baseRecord(STAGES),
    votes: { budget: 5, voters: 9, laneIds: VOTED_LANES, ranking: undecidedRanking(notes) },
    notes,
    emotions: {
      minGroup: 3,
      stages: [
        { stageId: stageId(0), raters: 9, median: 1, spread: { low: 0, high: 1 } },
        { stageId: stageId(1), raters: 9, median: 0.5, spread: { low: -0.25, high: 1.75 } },
        { stageId: stageId(2), raters: 8, median: -1.5, spread: { low: -2, high: -0.75 } },
        { stageId: stageId(3), raters: 7, median: 0, spread: { low: -1, high: 1 } },
        { stageId: stageId(4), raters: 2, median: null, spread: null },
        { stageId: stageId(5), raters: 0, median: null, spread: null }
      ]
    }
  }
}

/**
 * The small map with twelve voted opportunities, the last three tied on 2 dots across the tenth
 * place, the tie left undecided: a plan started from it is offered all twelve.
 */
export function journeyRecordTiedAtTheCut(): JourneyRecord {
  const more: NoteSpec[] = [
    { stage: 0, lane: 4, text: 'A careers page written by the team', votes: 10 },
    { stage: 1, lane: 4, text: 'Salary range in every job ad', votes: 9 },
    { stage: 1, lane: 4, text: 'One interview panel, not three', votes: 8 },
    { stage: 2, lane: 4, text: 'A buddy with time set aside for it', votes: 7 },
    { stage: 3, lane: 4, text: 'Shadow a senior agent for a week', votes: 4 },
    { stage: 3, lane: 4, text: 'Goals for the first 90 days', votes: 2 },
    { stage: 4, lane: 4, text: 'A yearly talk about the next step', votes: 2 },
    { stage: 5, lane: 4, text: 'Keep in touch with alumni', votes: 2 }
  ].map((spec) => ({ ...spec, colour: 'purple' as const }))
  const record = smallJourneyRecord()
  const notes = inCellOrder([...SMALL_NOTES, ...more]).map(note)
  return {
    ...record,
    participants: { count: 20, names: null },
    anonymous: true,
    votes: { budget: 5, voters: 20, laneIds: VOTED_LANES, ranking: undecidedRanking(notes) },
    notes
  }
}

const PHRASES = [
  'Nobody tells you where the printer is',
  'Buddy programme works well when the buddy has time for it',
  'Too many tools to log in to in week one',
  'Manager 1:1 every week',
  'Salary bands are not shared, so people guess and compare',
  'Welcome lunch with the team',
  'Training videos are out of date and show the old ticket system',
  'Shadowing a senior agent',
  'Clear goals for the first 90 days',
  'Feedback comes only once a year, which is far too late to change anything',
  'Internal job board',
  'Exit survey nobody reads'
]

/** 8 stages × 6 lanes × 20 notes: the largest map a workshop realistically makes, 960 notes. */
export function fullJourneyRecord(): JourneyRecord {
  const stageNames = [...STAGES.slice(0, 5), 'Grow into a lead', 'Move on', 'Alumni']
  const specs: NoteSpec[] = []
  stageNames.forEach((_, stage) =>
    LANES.forEach((_, lane) => {
      for (let index = 0; index < 20; index++) {
        const n = specs.length
        specs.push({
          stage,
          lane,
          text: `${PHRASES[n % PHRASES.length]!} (${stage + 1}.${lane + 1}.${index + 1})`,
          colour: (['yellow', 'pink', 'blue', 'green', 'orange', 'purple'] as const)[lane],
          votes: (n * 7) % 13,
          value: lane === 4 && index % 3 === 0 ? ['Ownership', 'Customer Obsessed', 'Learning'][index % 3] : undefined
        })
      }
    })
  )
  const medians = [1, 0.5, -1.5, 0, 1, 0.5, -0.5, 1.5]
  return {
    ...baseRecord(stageNames),
    participants: { count: 24, names: null },
    anonymous: true,
    votes: { budget: 5, voters: 24, laneIds: VOTED_LANES, ranking: undecidedRanking(specs.map(note)) },
    notes: specs.map(note),
    emotions: {
      minGroup: 3,
      stages: stageNames.map((_, index) =>
        index === 6
          ? { stageId: stageId(index), raters: 2, median: null, spread: null }
          : { stageId: stageId(index), raters: 24, median: medians[index]!, spread: { low: Math.max(-2, medians[index]! - 0.75), high: Math.min(2, medians[index]! + 1) } }
      )
    }
  }
}

export const finalizedJourney = (record: JourneyRecord | JourneyRecordV1 = smallJourneyRecord()): FinalizedJourney => ({ ...record, contentHash: hashOf(record) })

/**
 * The small map with two ties in its dot vote, decided as a facilitator would: “Stay interviews”
 * and the emoji pain point tie on 9 dots, broken with “Stay interviews” first; the learning
 * budget and “Nobody asks why” tie on 4, kept. Written out, not worked out.
 */
export function tiedJourneyRecord(): JourneyRecord {
  const record = smallJourneyRecord()
  const byText = (text: string) => record.notes.find((each) => each.text === text)!
  const stay = byText('Stay interviews at two years')
  const learning = byText('A learning budget everyone knows about')
  stay.votes = 9
  learning.votes = 4
  const place = (text: string, rank: number, tie: JourneyVotePlace['tie']): JourneyVotePlace => ({
    noteId: byText(text).id,
    dots: byText(text).votes!,
    rank,
    tie
  })
  record.votes.ranking = [
    place('Laptop and accounts ready before day one', 1, 'none'),
    place('Stay interviews at two years', 2, 'broken'),
    place(AWKWARD_NOTES.emoji, 3, 'broken'),
    place(AWKWARD_NOTES.markup, 4, 'none'),
    place('A learning budget everyone knows about', 5, 'kept'),
    place('Nobody asks why people leave', 5, 'kept'),
    place(AWKWARD_NOTES.markdown, 7, 'none'),
    place(AWKWARD_NOTES.longWord, 8, 'none'),
    place(AWKWARD_NOTES.formula, 9, 'none')
  ]
  return record
}
