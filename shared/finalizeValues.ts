/**
 * What a finished core-values workshop puts in its record (valuesRecord.ts), worked out from
 * what every screen already knows: the values drafted, the published ballots, the stages.
 * Pure: the facilitator's screen calls it once, when finalizing, and the record is then kept
 * as it is, whatever anyone does to the board afterwards.
 */
import { consensusResults, decideTies, rankClusters, type TieDecision } from './ballots'
import { NOTE_TEXT_MAX_LENGTH, type BoardSnapshot } from './board'
import { clustersOf, stageTimeline, type StageStart } from './stages'
import { VALUES_RECORD_VERSION, type TeamNotes, type ValuesRecord } from './valuesRecord'

export interface DraftedValue {
  id: string
  name: string
  definition: string
  weDo: readonly string[]
  weDont: readonly string[]
  examples: readonly string[]
}

export interface FinalizeInput {
  workshopId: string
  title: string
  prompt: string
  anonymous: boolean
  /** Host time, ms. */
  finalizedAt: number
  values: readonly DraftedValue[]
  /** The board as it stands: its clusters (every column but the first) for the vote, and every note. */
  board: BoardSnapshot
  voteBallots: readonly unknown[]
  vote: { budget: number; multipleDots: boolean }
  /** The facilitator's decisions on ties of the vote (meta's voteTies); a tie without one is recorded as undecided. */
  voteTies: readonly TieDecision[]
  consensusBallots: readonly unknown[]
  consensus: { threshold: number; minGroup: number }
  /** Participants present when finalizing (the facilitator not counted). */
  participantNames: readonly string[]
  /** Participants who were in the room at any time, as the host counted them (0 when not live): someone who left counts too. */
  tookPart: number
  stageLog: readonly StageStart[]
}

const iso = (ms: number) => new Date(ms).toISOString()
const UNTITLED = 'Untitled value'
const UNTITLED_CLUSTER = 'Untitled cluster'
const clusterName = (title: string) => title.trim() || UNTITLED_CLUSTER
const nonBlank = (items: readonly string[]) => items.map((item) => item.trim()).filter(Boolean)

/** Each column's note texts in the board's order; the board holds no authors, so neither does this. */
function teamNotes(board: BoardSnapshot): TeamNotes {
  const textsOf = (columnId: string) =>
    nonBlank((board.noteIdsByColumn[columnId] ?? []).map((id) => board.notes[id]?.text ?? '')).map((text) => text.slice(0, NOTE_TEXT_MAX_LENGTH))
  const unsorted = board.columns[0]
  return {
    clusters: clustersOf(board.columns).map((cluster) => ({ title: clusterName(cluster.title), notes: textsOf(cluster.id) })),
    unsortedNotes: unsorted ? textsOf(unsorted.id) : []
  }
}

export function buildValuesRecord(input: FinalizeInput): ValuesRecord {
  const votes = rankClusters(input.voteBallots, clustersOf(input.board.columns), input.vote)
  const consensus = consensusResults(
    input.consensusBallots,
    input.values.map((value) => value.id),
    input.consensus
  )
  const consensusVoters = Math.max(0, ...Object.values(consensus).map((result) => result.voters))
  // Someone may have left before the end; ballots still show they took part.
  const count = Math.max(input.participantNames.length, input.tookPart, votes.voters, consensusVoters)
  return {
    v: VALUES_RECORD_VERSION,
    workshopId: input.workshopId,
    title: input.title,
    prompt: input.prompt,
    finalizedAt: iso(input.finalizedAt),
    anonymous: input.anonymous,
    participants: { count, names: input.anonymous ? null : [...input.participantNames].sort((a, b) => a.localeCompare(b)) },
    values: input.values.map((value) => ({
      name: value.name.trim() || UNTITLED,
      definition: value.definition.trim(),
      weDo: nonBlank(value.weDo),
      weDont: nonBlank(value.weDont),
      examples: nonBlank(value.examples),
      consensus: consensus[value.id]!.voters > 0 ? consensus[value.id]! : null
    })),
    votes: {
      budget: input.vote.budget,
      multipleDotsPerCluster: input.vote.multipleDots,
      voters: votes.voters,
      ranking: decideTies(votes.ranking, input.voteTies).map((place) => ({
        cluster: clusterName(place.name),
        dots: place.dots,
        rank: place.rank,
        tie: place.tie
      }))
    },
    consensusRule: { threshold: input.consensus.threshold, minGroup: input.consensus.minGroup },
    stages: stageTimeline('core-values', input.stageLog, input.finalizedAt),
    ...teamNotes(input.board)
  }
}
