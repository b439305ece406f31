/**
 * What a finished core-values workshop puts in its record (valuesRecord.ts), worked out from
 * what every screen already knows: the values drafted, the published ballots, the stages.
 * Pure: the facilitator's screen calls it once, when finalizing, and the record is then kept
 * as it is, whatever anyone does to the board afterwards.
 */
import { consensusResults, rankClusters } from './ballots'
import { stageTimeline, type StageStart } from './stages'
import { VALUES_RECORD_VERSION, type ValuesRecord } from './valuesRecord'

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
  clusters: ReadonlyArray<{ id: string; title: string }>
  voteBallots: readonly unknown[]
  vote: { budget: number; multipleDots: boolean }
  consensusBallots: readonly unknown[]
  consensus: { threshold: number; minGroup: number }
  /** Participants present when finalizing (the facilitator not counted). */
  participantNames: readonly string[]
  stageLog: readonly StageStart[]
}

const iso = (ms: number) => new Date(ms).toISOString()
const UNTITLED = 'Untitled value'
const nonBlank = (items: readonly string[]) => items.map((item) => item.trim()).filter(Boolean)

export function buildValuesRecord(input: FinalizeInput): ValuesRecord {
  const votes = rankClusters(input.voteBallots, input.clusters, input.vote)
  const consensus = consensusResults(
    input.consensusBallots,
    input.values.map((value) => value.id),
    input.consensus
  )
  const consensusVoters = Math.max(0, ...Object.values(consensus).map((result) => result.voters))
  // Someone may have left before the end; ballots still show they took part.
  const count = Math.max(input.participantNames.length, votes.voters, consensusVoters)
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
      ranking: votes.ranking.map((cluster) => ({ cluster: cluster.name.trim() || 'Untitled cluster', dots: cluster.dots }))
    },
    consensusRule: { threshold: input.consensus.threshold, minGroup: input.consensus.minGroup },
    stages: stageTimeline('core-values', input.stageLog, input.finalizedAt)
  }
}
