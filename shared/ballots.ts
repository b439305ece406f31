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

/**
 * The facilitator's decision on one tie of the dot vote (kept in `meta`, FLOW_FIELDS.voteTies):
 * the tied options, and whether they stay tied ("keep the tie": a cut through them takes them
 * all) or go in this order ("break the tie"). It applies only while exactly these options tie.
 */
export interface TieDecision {
  /** The tied options; when broken, in the facilitator's order, first first. */
  optionIds: string[]
  kept: boolean
}

/** A place's tie: none, one the facilitator has not decided, kept, or broken into an order. */
export const TIE_STATES = ['none', 'undecided', 'kept', 'broken'] as const
export type TieState = (typeof TIE_STATES)[number]

/** Whether the places of a tie share one rank: it was kept, or not decided; a broken tie takes the facilitator's order. */
export const sharesRank = (tie: TieState): boolean => tie === 'kept' || tie === 'undecided'

/**
 * Each place's rank once its ties are decided: its position (1 for the first), or in a tie kept
 * or undecided, the position of the tie's first place.
 */
export function decidedRanks(places: ReadonlyArray<{ dots: number; tie: TieState }>): number[] {
  const ranks: number[] = []
  places.forEach((place, index) => {
    const above = places[index - 1]
    ranks.push(above && above.dots === place.dots && sharesRank(place.tie) ? ranks[index - 1]! : index + 1)
  })
  return ranks
}

/** What every screen and every export says of a place's tie, so the room and the record say the same. */
export const TIE_NOTES: Record<TieState, string> = {
  none: '',
  undecided: 'tied',
  kept: 'tied, kept by the facilitator',
  broken: 'tie broken by the facilitator'
}

/** A place's tie after its dots: " (tied)", or nothing when it has none. */
export const tieNoteAfter = (tie: TieState): string => (tie === 'none' ? '' : ` (${TIE_NOTES[tie]})`)

export interface RankedPlace extends RankedCluster {
  /** 1 for the first; tied places share theirs, unless the facilitator broke the tie (decidedRanks). */
  rank: number
  tie: TieState
}

const TIE_LIMITS = { decisions: 100, options: 200, id: 64 }

/** The decisions as `meta` holds them; anything malformed (a file, a faulty peer) is left out. */
export function readTieDecisions(value: unknown): TieDecision[] {
  if (!Array.isArray(value)) return []
  return value.slice(0, TIE_LIMITS.decisions).flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return []
    const { optionIds, kept } = entry as Record<string, unknown>
    if (typeof kept !== 'boolean' || !Array.isArray(optionIds) || optionIds.length > TIE_LIMITS.options) return []
    const ids = optionIds.filter((id): id is string => typeof id === 'string' && id.length <= TIE_LIMITS.id)
    if (ids.length < 2 || ids.length !== optionIds.length || new Set(ids).size !== ids.length) return []
    return [{ optionIds: ids, kept }]
  })
}

const sameOptions = (a: readonly string[], b: ReadonlySet<string>) => a.length === b.size && a.every((id) => b.has(id))

/**
 * The ranking with the facilitator's tie decisions applied: a broken tie takes the
 * facilitator's order and ranks of its own; a kept or undecided tie shares its rank.
 */
export function decideTies(ranking: readonly RankedCluster[], decisions: readonly TieDecision[]): RankedPlace[] {
  const ranks = tiedRanks(ranking.map((place) => place.dots))
  const decided: Array<RankedCluster & { tie: TieState }> = []
  for (let start = 0; start < ranking.length; ) {
    let end = start + 1
    while (end < ranking.length && ranks[end] === ranks[start]) end++
    const group = ranking.slice(start, end)
    const ids = new Set(group.map((place) => place.clusterId))
    const decision = group.length > 1 ? decisions.find((entry) => sameOptions(entry.optionIds, ids)) : undefined
    if (group.length === 1) decided.push({ ...group[0]!, tie: 'none' })
    else if (decision && !decision.kept) {
      for (const id of decision.optionIds) decided.push({ ...group.find((place) => place.clusterId === id)!, tie: 'broken' })
    } else for (const place of group) decided.push({ ...place, tie: decision ? 'kept' : 'undecided' })
    start = end
  }
  const decidedRank = decidedRanks(decided)
  return decided.map((place, index) => ({ ...place, rank: decidedRank[index]! }))
}

/** Each tie of the vote, decided or not: the places with the same dots, in the decided order. */
export function tiesOf(places: readonly RankedPlace[]): RankedPlace[][] {
  const groups: RankedPlace[][] = []
  places.forEach((place, index) => {
    if (index > 0 && places[index - 1]!.dots === place.dots) groups[groups.length - 1]!.push(place)
    else groups.push([place])
  })
  return groups.filter((group) => group.length > 1)
}

/**
 * The top `count` places, as the facilitator's next step takes them. A kept tie across the cut
 * comes in whole (so more than `count`); an undecided one is returned as `undecidedTie`, for the
 * facilitator to break or keep first.
 */
export function topPlaces(places: readonly RankedPlace[], count: number): { places: RankedPlace[]; undecidedTie: RankedPlace[] | null } {
  const top = places.slice(0, Math.max(0, count))
  const last = top[top.length - 1]
  const next = places[top.length]
  if (!last || !next || next.rank !== last.rank) return { places: top, undecidedTie: null }
  const tie = places.filter((place) => place.rank === last.rank)
  if (last.tie === 'undecided') return { places: top, undecidedTie: tie }
  return { places: places.filter((place) => place.rank <= last.rank), undecidedTie: null }
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
