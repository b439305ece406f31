import { useId } from 'react'
import { sameWords } from '../../crdt/textLists'
import { preview } from '../../ui/listItems'

/** How many of a journey map's opportunities are offered to start a plan from (more when a tie crosses the cut). */
export const TOP_OPPORTUNITIES = 10

interface SuggestedOpportunitiesProps {
  suggestions: readonly string[]
  /** The opportunities already in the plan: their suggestions show as added. */
  inPlan: readonly string[]
  onAdd(text: string): void
}

/** The top-voted opportunities of a finalized journey map, each one button away from the plan. */
export function SuggestedOpportunities({ suggestions, inPlan, onAdd }: SuggestedOpportunitiesProps) {
  const headingId = useId()
  const added = new Set(inPlan.map(sameWords))
  return (
    <section className="plan-suggestions" aria-labelledby={headingId}>
      <h4 id={headingId} className="plan-suggestions__title">
        Top opportunities from the journey map
      </h4>
      {suggestions.length > TOP_OPPORTUNITIES && (
        <p className="plan-suggestions__note">
          {suggestions.length}, not {TOP_OPPORTUNITIES}: the opportunities tied at the cut all come in, as the map’s vote left them tied.
        </p>
      )}
      <ul className="plan-suggestions__items">
        {suggestions.map((text, index) => {
          const inThePlan = added.has(sameWords(text))
          return (
            <li key={`${index}:${text}`} className="plan-suggestions__item">
              <span className="plan-suggestions__text">{text}</span>
              {/* Stays a button once added, so the focus is not lost from under the person who pressed it. */}
              <button
                type="button"
                className="button button--small plan-suggestions__add"
                aria-label={`${inThePlan ? 'In the plan' : 'Add to the plan'}: ${preview(text)}`}
                aria-disabled={inThePlan}
                onClick={() => {
                  if (!inThePlan) onAdd(text)
                }}
              >
                {inThePlan ? (
                  <>
                    <span aria-hidden="true">✓</span> In the plan
                  </>
                ) : (
                  'Add to the plan'
                )}
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
