import { useState } from 'react'
import type { RankedPlace, TieDecision } from '../../../../shared/ballots'
import './ties.css'

const namesOf = (places: readonly RankedPlace[]) => places.map((place) => `“${place.name}”`)

/** "“A”, “B” and “C”": the tied options in words. */
function listed(places: readonly RankedPlace[]): string {
  const names = namesOf(places)
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/** What every screen says about a tie: undecided, kept, or broken into the facilitator's order. `noun`: what the options are ("cluster", "note"). */
export function tieStatus(tie: readonly RankedPlace[], noun = 'cluster'): string {
  const dots = tie[0]!.dots === 1 ? '1 dot' : `${tie[0]!.dots} dots`
  const head = `${listed(tie)} tie with ${dots}.`
  if (tie[0]!.tie === 'broken') return `${head} Tie broken by the facilitator: ${namesOf(tie).join(', then ')}.`
  if (tie[0]!.tie === 'kept') return `${head} Tie kept by the facilitator: taking the top ${noun}s takes them all.`
  return `${head} Not decided yet.`
}

interface TieDecisionProps {
  tie: readonly RankedPlace[]
  /** The facilitator's decision; null on other screens, which only read it. */
  decide: ((decision: TieDecision) => void) | null
  /** What the tied options are: "cluster" (the default), "note". */
  noun?: string
}

/**
 * One tie of the dot vote, with the facilitator's choice: break it (put the tied options in an
 * order, with Move up / Move down) or keep it (a cut through it takes them all).
 */
export function TieDecisionBlock({ tie, decide, noun }: TieDecisionProps) {
  const [ordering, setOrdering] = useState<RankedPlace[] | null>(null)
  const optionIds = tie.map((place) => place.clusterId)
  const move = (from: number, to: number) =>
    setOrdering((order) => {
      if (!order) return order
      const next = [...order]
      next.splice(to, 0, ...next.splice(from, 1))
      return next
    })

  return (
    <div className="vote-tie" role="group" aria-label={`Tie: ${namesOf(tie).join(', ')}`}>
      <p className="vote-tie__status">{tieStatus(tie, noun)}</p>
      {decide && ordering && (
        <>
          <ol className="vote-tie__order" aria-label="Order of the tied options, first first">
            {ordering.map((place, index) => (
              <li key={place.clusterId} className="vote-tie__place">
                <span>{place.name}</span>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Move ${place.name} up`}
                  disabled={index === 0}
                  onClick={() => move(index, index - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Move ${place.name} down`}
                  disabled={index === ordering.length - 1}
                  onClick={() => move(index, index + 1)}
                >
                  ↓
                </button>
              </li>
            ))}
          </ol>
          <div className="vote-tie__actions">
            <button
              type="button"
              className="button button--primary button--small"
              onClick={() => {
                decide({ optionIds: ordering.map((place) => place.clusterId), kept: false })
                setOrdering(null)
              }}
            >
              Save this order
            </button>
            <button type="button" className="button button--quiet button--small" onClick={() => setOrdering(null)}>
              Cancel
            </button>
          </div>
        </>
      )}
      {decide && !ordering && (
        <div className="vote-tie__actions">
          <button type="button" className="button button--small" onClick={() => setOrdering([...tie])}>
            Break the tie
          </button>
          {tie[0]!.tie !== 'kept' && (
            <button type="button" className="button button--small" onClick={() => decide({ optionIds, kept: true })}>
              Keep the tie
            </button>
          )}
        </div>
      )}
    </div>
  )
}
