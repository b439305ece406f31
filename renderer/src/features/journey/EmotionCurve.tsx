import type { CSSProperties } from 'react'
import type { Column } from '../../../../shared/board'
import { EMOTION_SCALE } from '../../../../shared/emotions'
import { formatRating, ratingsText, spreadText, withheldText } from '../../../../shared/exports/journeyText'
import type { EmotionResult } from '../../../../shared/journeyRecord'

const WIDTH_PER_STAGE = 140
const HEIGHT = 180
const PAD = { top: 18, bottom: 34, left: 44, right: 16 }
const SCALE_STEPS = [2, 1, 0, -1, -2]

/** What the list below the chart says of one stage, in the exports' words: "3 ratings, median −1, middle half −1.5 to −0.5". */
function describeResult(result: EmotionResult, minGroup: number): string {
  if (result.median === null || !result.spread) return withheldText(result, minGroup)
  return `${ratingsText(result.raters)}, median ${formatRating(result.median)}, middle half ${spreadText(result.spread)}`
}

interface EmotionCurveProps {
  stages: readonly Column[]
  results: readonly EmotionResult[]
  minGroup: number
}

/**
 * The group's emotion curve: per journey stage the median rating, with the middle half of
 * the ratings as a band. A stage with fewer than `minGroup` ratings is a gap, labelled so
 * ("fewer than 3 ratings", or "no ratings").
 * Below it, each stage's figures in words, with how many rated it: what a screen reader
 * reads, and what a phone too narrow for the whole chart shows without a swipe.
 */
export function EmotionCurve({ stages, results, minGroup }: EmotionCurveProps) {
  const width = PAD.left + PAD.right + WIDTH_PER_STAGE * Math.max(1, stages.length)
  const inner = HEIGHT - PAD.top - PAD.bottom
  const y = (rating: number) => PAD.top + ((EMOTION_SCALE.max - rating) / (EMOTION_SCALE.max - EMOTION_SCALE.min)) * inner
  const x = (index: number) => PAD.left + WIDTH_PER_STAGE * (index + 0.5)
  const byStage = new Map(results.map((result) => [result.stageId, result]))
  const unrated = (stageId: string): EmotionResult => ({ stageId, raters: 0, median: null, spread: null })
  const points = stages.map((stage, index) => ({ index, result: byStage.get(stage.id) ?? unrated(stage.id) }))

  // The median line is drawn between neighbouring stages that both have a result.
  const segments: string[] = []
  points.forEach(({ index, result }) => {
    const previous = points[index - 1]?.result
    if (result.median !== null && previous?.median != null) {
      segments.push(`M${x(index - 1)},${y(previous.median)}L${x(index)},${y(result.median)}`)
    }
  })

  return (
    <figure className="emotion-curve" style={{ '--emotion-stages': Math.max(1, stages.length) } as CSSProperties}>
      {/* On a phone the chart keeps a readable size and swipes sideways within itself, not the page. */}
      <div className="emotion-curve__scroll">
        <svg className="emotion-curve__chart" viewBox={`0 0 ${width} ${HEIGHT}`} aria-hidden="true">
          {SCALE_STEPS.map((step) => (
            <g key={step}>
              <line x1={PAD.left} x2={width - PAD.right} y1={y(step)} y2={y(step)} className={step === 0 ? 'emotion-curve__zero' : 'emotion-curve__grid'} />
              <text x={PAD.left - 8} y={y(step) + 4} textAnchor="end" className="emotion-curve__scale">
                {formatRating(step)}
              </text>
            </g>
          ))}
          {points.map(({ index, result }) =>
            result.spread ? (
              <rect
                key={`band-${index}`}
                x={x(index) - 18}
                width={36}
                y={y(result.spread.high)}
                height={Math.max(2, y(result.spread.low) - y(result.spread.high))}
                rx={6}
                className="emotion-curve__band"
              />
            ) : null
          )}
          {segments.map((d) => (
            <path key={d} d={d} className="emotion-curve__line" />
          ))}
          {points.map(({ index, result }) =>
            result.median !== null ? (
              <circle key={`dot-${index}`} cx={x(index)} cy={y(result.median)} r={6} className="emotion-curve__dot" />
            ) : (
              <text key={`gap-${index}`} x={x(index)} y={y(0) - 8} textAnchor="middle" className="emotion-curve__gap">
                {withheldText(result, minGroup)}
              </text>
            )
          )}
          {stages.map((stage, index) => (
            <text key={stage.id} x={x(index)} y={HEIGHT - 10} textAnchor="middle" className="emotion-curve__stage">
              {stage.title.length > 18 ? `${stage.title.slice(0, 17)}…` : stage.title}
            </text>
          ))}
        </svg>
      </div>
      <ul className="emotion-curve__figures" aria-label="Ratings per stage">
        {stages.map((stage, index) => (
          <li key={stage.id}>
            <span className="emotion-curve__figures-stage">{stage.title}:</span>{' '}
            {describeResult(points[index]!.result, minGroup)}
          </li>
        ))}
      </ul>
      <figcaption className="emotion-curve__caption">
        Median rating per stage (−2 very bad, +2 very good); the band holds the middle half of the ratings. A stage shows
        only when at least {minGroup} people rated it.
      </figcaption>
    </figure>
  )
}
