/**
 * How the group feels about each stage of an employee journey: every participant rates a
 * stage from −2 (very negative) to +2 (very positive), and the map shows the median with
 * the middle half of the ratings around it. This is the one place that computes it, for
 * the screen and for the finalized record alike.
 */

import type { EmotionResult } from './journeyRecord'
import { SMALLEST_GROUP } from './stages'

/** The rating scale: −2 very negative, 0 neutral, +2 very positive. */
export const EMOTION_SCALE = { min: -2, max: 2 } as const

/**
 * The minimum group a curve is drawn with: the facilitator's setting, never below SMALLEST_GROUP
 * (with two, the median and the spread give both ratings away).
 */
export const emotionGroup = (minGroup: number): number => Math.max(minGroup, SMALLEST_GROUP)

/**
 * The p-quantile (0 ≤ p ≤ 1) of sorted values, interpolated linearly between the two
 * nearest ranks: position (n − 1)·p, counted from 0. This is Hyndman and Fan's type 7,
 * the default of R, NumPy and spreadsheets' QUARTILE.INC, so anyone can recompute it.
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('a quantile of no values')
  const position = (sorted.length - 1) * p
  const below = Math.floor(position)
  const above = Math.ceil(position)
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below)
}

/**
 * The result for one stage from everyone's ratings. With fewer than `minGroup` ratings the
 * median and spread are withheld (null): in a small group they would tell who felt what.
 */
export function emotionResult(stageId: string, ratings: readonly number[], minGroup: number): EmotionResult {
  for (const rating of ratings) {
    if (!(rating >= EMOTION_SCALE.min && rating <= EMOTION_SCALE.max)) {
      throw new RangeError(`a rating must lie between ${EMOTION_SCALE.min} and +${EMOTION_SCALE.max}, not ${rating}`)
    }
  }
  if (ratings.length === 0 || ratings.length < minGroup) return { stageId, raters: ratings.length, median: null, spread: null }
  const sorted = [...ratings].sort((a, b) => a - b)
  return {
    stageId,
    raters: ratings.length,
    median: quantile(sorted, 0.5),
    spread: { low: quantile(sorted, 0.25), high: quantile(sorted, 0.75) }
  }
}

/**
 * What the shared document publishes of the ratings: each stage's ratings, and for a stage the
 * host withheld (anonymous mode: fewer than k people rated it) only how many did.
 */
export interface PublishedEmotions {
  /** Ratings per journey stage id. */
  ratings: ReadonlyMap<string, readonly number[]>
  /** Stages the host withheld, with how many people rated each. */
  withheld: ReadonlyMap<string, number>
}

/** The curve as every screen and the record show it: one result per journey stage, withheld below `minGroup`. */
export function emotionCurve(published: PublishedEmotions, stageIds: readonly string[], minGroup: number): EmotionResult[] {
  return stageIds.map((stageId) => {
    const ratings = published.ratings.get(stageId) ?? []
    const withheld = published.withheld.get(stageId)
    // The host wrote no rating of a stage fewer than k rated, only how many did.
    return ratings.length === 0 && withheld !== undefined
      ? { stageId, raters: withheld, median: null, spread: null }
      : emotionResult(stageId, ratings, emotionGroup(minGroup))
  })
}
