import { useId, useState } from 'react'
import { topPlaces, type RankedPlace, type TieDecision } from '../../../../../shared/ballots'
import { MAX_VALUES } from '../../../crdt/values'
import { TieDecisionBlock } from '../TieDecision'
import { DEFAULT_SEED_COUNT, dotCount, seedButtonLabel, seedCount } from './draftText'

interface SeedCandidatesProps {
  /** The dot vote's clusters, with the facilitator's tie decisions applied. */
  ranking: readonly RankedPlace[]
  /** Creates candidates from the first `count` clusters of `ranking`. */
  onCreate(count: number): void
  decideTie(decision: TieDecision): void
}

/** The facilitator's start of the stage: the top clusters of the dot vote become the candidates. */
export function SeedCandidates({ ranking, onCreate, decideTie }: SeedCandidatesProps) {
  const [typed, setTyped] = useState(() => String(Math.min(DEFAULT_SEED_COUNT, Math.max(1, ranking.length))))
  const headingId = useId()
  const countId = useId()
  const count = seedCount(typed, ranking.length)
  // A kept tie across the cut comes in whole; an undecided one waits for the facilitator.
  const { places, undecidedTie } = topPlaces(ranking, count)
  const tieNoteId = useId()

  if (ranking.length === 0) {
    return (
      <section className="draft-seed" aria-labelledby={headingId}>
        <h3 id={headingId} className="draft-seed__title">
          Start from the dot vote
        </h3>
        <p className="draft-seed__text">The dot vote has no ranked clusters. Add the values by hand below.</p>
      </section>
    )
  }

  return (
    <section className="draft-seed" aria-labelledby={headingId}>
      <h3 id={headingId} className="draft-seed__title">
        Start from the dot vote
      </h3>
      <p className="draft-seed__text">
        The top clusters become value candidates. The group can then add, merge, drop and reorder them.
      </p>
      <form
        className="draft-seed__form"
        // The number is brought within bounds here; the browser's own check would block the
        // button without saying why when the ranking shrank below what was typed.
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          if (!undecidedTie) onCreate(places.length)
        }}
      >
        <label htmlFor={countId} className="draft-seed__label">
          Number of clusters
        </label>
        <input
          id={countId}
          className="field__input draft-seed__count"
          type="number"
          inputMode="numeric"
          min={1}
          max={Math.min(ranking.length, MAX_VALUES)}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          onBlur={() => setTyped(String(count))}
        />
        <button type="submit" className="button button--primary" disabled={undecidedTie !== null} aria-describedby={tieNoteId}>
          {seedButtonLabel(places.length)}
        </button>
      </form>
      <div id={tieNoteId}>
        {undecidedTie && (
          <>
            <p className="draft-seed__text">A tie goes through the top {count}: break it or keep it to create the candidates.</p>
            <TieDecisionBlock tie={undecidedTie} decide={decideTie} />
          </>
        )}
        {places.length > count && (
          <p className="draft-seed__text">
            The tie is kept by the facilitator, so all its clusters come in: {places.length} candidates.
          </p>
        )}
      </div>
      <ol className="draft-seed__ranking" aria-label="Clusters that will become candidates">
        {places.map((cluster) => (
          <li key={cluster.clusterId}>
            <span className="draft-seed__cluster">{cluster.name || 'Unnamed cluster'}</span>{' '}
            <span className="draft-seed__dots">{dotCount(cluster.dots)}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
