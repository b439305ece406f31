/**
 * The wording every export of a values record shares, so a Markdown file, a web page and a
 * PDF of the same workshop say the same thing. Times are written in the facilitator's time
 * zone (the computer's that exports), and say which: an export is read on other computers, in
 * other time zones, and must not be misread there.
 */
import { sharesRank, tieNoteAfter } from '../ballots'
import { TEMPLATES } from '../templates'
import type { ConsensusResult, TeamNotes, ValuesRecord, VotePlace } from '../valuesRecord'

export const LABELS = {
  pageTitle: 'Our values',
  question: 'The question',
  weDo: 'We do',
  weDont: 'We don’t',
  examples: 'Example stories',
  decisionRecord: 'Decision record',
  finalized: 'Finalized',
  participants: 'Participants',
  dotVote: 'Dot vote',
  ranking: 'Ranking',
  consensusRule: 'Consensus check',
  stages: 'Stages',
  contentHash: 'Content hash',
  hashNote: 'SHA-256 of the record as canonical JSON (keys sorted, no spaces); the JSON export holds the record.',
  teamNotes: 'What the team wrote',
  /** The board's first column, where revealed notes land until someone sorts them. */
  unsorted: TEMPLATES['core-values'].columns[0]!,
  emptyCluster: 'No notes.',
  notesNotKept: 'This record was finalized before Workshop Studio kept the brainstorm’s notes, so they are not in it.'
} as const

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

/** The time zone this computer is set to, as the facilitator reads a clock: "Europe/Berlin". */
export const facilitatorTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone

interface ZonedTime {
  day: string
  time: string
  /** "UTC", or the zone and its offset then: "Europe/Berlin, UTC+01:00". */
  zone: string
}

/**
 * A moment in `timeZone`. Month names are written by hand rather than by Intl, whose short
 * names differ between ICU versions ("Sep" or "Sept"); Intl gives only the numbers and offset.
 */
function inZone(iso: string, timeZone: string): ZonedTime {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset'
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value])
  )
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', 'UTC')
  return {
    day: `${Number(parts.day)} ${MONTHS[Number(parts.month) - 1]} ${parts.year}`,
    time: `${parts.hour}:${parts.minute}`,
    zone: timeZone === 'UTC' || timeZone === 'Etc/UTC' ? 'UTC' : `${timeZone}, ${offset === 'UTC' ? 'UTC+00:00' : offset}`
  }
}

/** "25 Nov 2026, 15:30 (Europe/Berlin, UTC+01:00)", or "25 Nov 2026, 14:30 (UTC)". */
export function formatTime(iso: string, timeZone = facilitatorTimeZone()): string {
  const { day, time, zone } = inZone(iso, timeZone)
  return `${day}, ${time} (${zone})`
}

/** "25 Nov 2026, 14:02–14:15 (UTC)", or both dates in full when the span crosses midnight there. */
export function formatTimeSpan(startIso: string, endIso: string | null, timeZone = facilitatorTimeZone()): string {
  if (endIso === null) return `${formatTime(startIso, timeZone)}, not closed`
  const start = inZone(startIso, timeZone)
  const end = inZone(endIso, timeZone)
  if (start.day !== end.day || start.zone !== end.zone) return `${formatTime(startIso, timeZone)} – ${formatTime(endIso, timeZone)}`
  return `${start.day}, ${start.time}–${end.time} (${start.zone})`
}

/** When a workshop stage ran, as every record holds it. */
type StageTime = ValuesRecord['stages'][number]

/** "Silent brainstorm: 25 Nov 2026, 13:02–13:15 (UTC)". */
export const stageTimeText = (stage: StageTime) => `${stage.stage}: ${formatTimeSpan(stage.startedAt, stage.endedAt)}`

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** Fist-of-five averages to one decimal: "4.3". */
export const formatAverage = (average: number) => average.toFixed(1)

/** What any finalized record says about who took part. */
type TookPart = Pick<ValuesRecord, 'anonymous' | 'participants'>

export const participantCountText = (record: TookPart) => plural(record.participants.count, 'participant', 'participants')

export function participantsText(record: TookPart): string {
  const { names } = record.participants
  const people = participantCountText(record)
  if (record.anonymous) return `${people}; the workshop was anonymous`
  return names && names.length > 0 ? `${people}: ${names.join(', ')}` : people
}

export function dotVoteText(votes: Omit<ValuesRecord['votes'], 'ranking'>): string {
  const spread = votes.multipleDotsPerCluster ? 'more than one dot per cluster allowed' : 'one dot per cluster'
  return `${plural(votes.voters, 'person', 'people')} voted, ${plural(votes.budget, 'dot', 'dots')} each (${spread})`
}

export function consensusRuleText(rule: ValuesRecord['consensusRule']): string {
  return (
    `Fist of five (0 blocks, 5 fully supports); a value averaging below ${rule.threshold} is flagged for rework; ` +
    `results are shown only when at least ${plural(rule.minGroup, 'person', 'people')} took part`
  )
}

/** One line on a value's consensus check, or null when it had none. */
export function consensusText(consensus: ConsensusResult | null, rule: ValuesRecord['consensusRule']): string | null {
  if (!consensus) return null
  if (consensus.average === null) {
    return `Consensus: not shown, as fewer than ${plural(rule.minGroup, 'person', 'people')} took part.`
  }
  const result = `Consensus: ${formatAverage(consensus.average)} of 5 from ${plural(consensus.voters, 'person', 'people')}`
  return consensus.flagged ? `${result}, flagged for rework (below ${rule.threshold}).` : `${result}.`
}

/**
 * How many people showed each number of fingers, or null when the result is withheld: with
 * fewer than `minGroup` voters the counts could tell who voted what.
 */
export function fingersText(consensus: ConsensusResult | null): string | null {
  if (!consensus || consensus.average === null) return null
  return `Fingers shown, 0 to 5: ${consensus.scores.join(' · ')}`
}

export const dotsText = (dots: number) => plural(dots, 'dot', 'dots')

/** A place's rank as a results table writes it: "=1." when it shares the rank with others in a tie, else "1.". */
export const rankText = (place: Pick<VotePlace, 'rank' | 'tie'>) => `${sharesRank(place.tie) ? '=' : ''}${place.rank}.`

/** A place's dots and its tie: "4 dots (tied)", or "4 dots (tie broken by the facilitator)". */
export const placeDotsText = (place: Pick<VotePlace, 'dots' | 'tie'>) => `${dotsText(place.dots)}${tieNoteAfter(place.tie)}`

/** The ranking's lines, "=1." and "Curiosity: 4 dots (tied)", ties as the facilitator decided them. */
export const rankingLines = (places: readonly VotePlace[]): Array<{ rank: string; text: string }> =>
  places.map((place) => ({ rank: rankText(place), text: `${place.cluster}: ${placeDotsText(place)}` }))

/** The appendix's groups in the order the exports show them: each cluster, then what was left unsorted (when anything was). */
export function noteGroups(notes: TeamNotes): Array<{ title: string; notes: string[] }> {
  return notes.unsortedNotes.length > 0 ? [...notes.clusters, { title: LABELS.unsorted, notes: notes.unsortedNotes }] : notes.clusters
}

/** The line under "What the team wrote": what it holds, and that no note says who wrote it. */
export function teamNotesIntro(notes: TeamNotes): string {
  const sorted = notes.clusters.reduce((sum, cluster) => sum + cluster.notes.length, 0)
  const clusters = `${plural(notes.clusters.length, 'cluster', 'clusters')} holding ${plural(sorted, 'note', 'notes')}`
  const unsorted = notes.unsortedNotes.length > 0 ? `, and ${plural(notes.unsortedNotes.length, 'note', 'notes')} left unsorted` : ''
  return `Every note on the board when the workshop was finalized: ${clusters}${unsorted}. No note says who wrote it.`
}
