/**
 * Counting sealed ballots: the dot vote on clusters and the fist-of-five on values. Ballots
 * arrive from peers, so each one is checked against the rules before it counts; one that
 * breaks them (too many dots, a score of 7) is left out whole.
 */
import { SMALLEST_GROUP } from './stages'
import type { ConsensusResult } from './valuesRecord'

/** What a published ballot holds: option id → dots (vote) or fingers (consensus). */
export interface Ballot {
  v: 1
  marks: Record<string, number>
}

export interface DotRules {
  budget: number
  /** May one person put more than one dot on a cluster? */
  multipleDots: boolean
}

export const FIST_MAX = 5

function marksOf(value: unknown): Record<string, number> | null {
  if (typeof value !== 'object' || value === null) return null
  const marks = (value as { marks?: unknown }).marks
  if (typeof marks !== 'object' || marks === null || Array.isArray(marks)) return null
  const clean: Record<string, number> = Object.create(null) as Record<string, number>
  for (const [key, mark] of Object.entries(marks)) {
    if (typeof mark !== 'number' || !Number.isInteger(mark) || mark < 0) return null
    clean[key] = mark
  }
  return clean
}

/** The dots of a ballot that keeps the rules, counting only clusters that exist; null otherwise. */
export function validDots(value: unknown, rules: DotRules, clusterIds: ReadonlySet<string>): Record<string, number> | null {
  const marks = marksOf(value)
  if (!marks) return null
  let total = 0
  for (const dots of Object.values(marks)) {
    if (!rules.multipleDots && dots > 1) return null
    total += dots
  }
  if (total > rules.budget) return null
  return Object.fromEntries(Object.entries(marks).filter(([id, dots]) => dots > 0 && clusterIds.has(id)))
}

export interface RankedCluster {
  clusterId: string
  name: string
  dots: number
}

/**
 * Each place's rank in a list sorted by dots, most first, with ties sharing their rank (1, 1, 1, 4
 * for 4 / 4 / 4 / 2 dots): a tie is the group's answer, and no order within it is implied.
 */
export function tiedRanks(dots: readonly number[]): number[] {
  const ranks: number[] = []
  dots.forEach((n, index) => ranks.push(index > 0 && dots[index - 1] === n ? ranks[index - 1]! : index + 1))
  return ranks
}

/** Whether the place at `index` shares its rank with another. */
export const isTied = (dots: readonly number[], index: number): boolean =>
  dots[index - 1] === dots[index] || dots[index + 1] === dots[index]

/** Clusters by dots, most first; ties keep the board's order (tiedRanks says which are tied). Also how many valid ballots counted. */
export function rankClusters(
  ballots: readonly unknown[],
  clusters: ReadonlyArray<{ id: string; title: string }>,
  rules: DotRules
): { voters: number; ranking: RankedCluster[] } {
  const ids = new Set(clusters.map((cluster) => cluster.id))
  const totals = new Map(clusters.map((cluster) => [cluster.id, 0]))
  let voters = 0
  for (const ballot of ballots) {
    const dots = validDots(ballot, rules, ids)
    if (!dots) continue
    voters++
    for (const [id, n] of Object.entries(dots)) totals.set(id, totals.get(id)! + n)
  }
  const ranking = clusters
    .map((cluster, index) => ({ clusterId: cluster.id, name: cluster.title, dots: totals.get(cluster.id)!, index }))
    .sort((a, b) => b.dots - a.dots || a.index - b.index)
    .map(({ clusterId, name, dots }) => ({ clusterId, name, dots }))
  return { voters, ranking }
}

/** Fist-of-five scores of a ballot that keeps the rules (0–5 each), for values that exist; null otherwise. */
export function validScores(value: unknown, valueIds: ReadonlySet<string>): Record<string, number> | null {
  const marks = marksOf(value)
  if (!marks || Object.values(marks).some((score) => score > FIST_MAX)) return null
  return Object.fromEntries(Object.entries(marks).filter(([id]) => valueIds.has(id)))
}

export interface ConsensusRule {
  threshold: number
  /** Below this many scores, no aggregate is shown: no one's score can be singled out. */
  minGroup: number
}

/**
 * In anonymous mode the host writes a value's scores only once at least k people scored it
 * (electron/host/roundMixer.ts); below that, this entry in their place: how many did, no score.
 */
export function withheldCount(value: unknown): { optionId: string; voters: number } | null {
  if (typeof value !== 'object' || value === null) return null
  const { kind, optionId, voters } = value as Record<string, unknown>
  if (kind !== 'withheld' || typeof optionId !== 'string' || typeof voters !== 'number' || !Number.isInteger(voters) || voters < 0) return null
  return { optionId, voters }
}

/** Each value's result. With fewer than minGroup scores, only the count is given. */
export function consensusResults(
  ballots: readonly unknown[],
  valueIds: readonly string[],
  rule: ConsensusRule
): Record<string, ConsensusResult> {
  const ids = new Set(valueIds)
  const histograms = new Map(valueIds.map((id) => [id, Array<number>(FIST_MAX + 1).fill(0)]))
  const withheld = new Map<string, number>()
  for (const ballot of ballots) {
    const held = withheldCount(ballot)
    if (held) withheld.set(held.optionId, held.voters)
    const scores = validScores(ballot, ids)
    if (!scores) continue
    for (const [id, score] of Object.entries(scores)) histograms.get(id)![score]!++
  }
  const results: Record<string, ConsensusResult> = {}
  for (const [id, histogram] of histograms) {
    const scored = histogram.reduce((sum, n) => sum + n, 0)
    const voters = scored === 0 ? (withheld.get(id) ?? 0) : scored
    // Never from fewer than SMALLEST_GROUP, whatever the rule says: no one's score can be singled out.
    const shown = scored > 0 && voters >= Math.max(rule.minGroup, SMALLEST_GROUP)
    const average = shown ? histogram.reduce((sum, n, score) => sum + n * score, 0) / voters : null
    results[id] = {
      scores: shown ? histogram : Array<number>(FIST_MAX + 1).fill(0),
      voters,
      average: average === null ? null : Math.round(average * 100) / 100,
      flagged: average !== null && average < rule.threshold
    }
  }
  return results
}
