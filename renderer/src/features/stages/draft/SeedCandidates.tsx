import { useId, useState } from 'react'
import { MAX_VALUES } from '../../../crdt/values'
import { DEFAULT_SEED_COUNT, dotCount, seedButtonLabel, seedCount, type ClusterRank } from './draftText'

interface SeedCandidatesProps {
  ranking: readonly ClusterRank[]
  onCreate(count: number): void
}

/** The facilitator's start of the stage: the top clusters of the dot vote become the candidates. */
export function SeedCandidates({ ranking, onCreate }: SeedCandidatesProps) {
  const [typed, setTyped] = useState(() => String(Math.min(DEFAULT_SEED_COUNT, Math.max(1, ranking.length))))
  const headingId = useId()
  const countId = useId()
  const count = seedCount(typed, ranking.length)

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
          onCreate(count)
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
        <button type="submit" className="button button--primary">
          {seedButtonLabel(count)}
        </button>
      </form>
      <ol className="draft-seed__ranking" aria-label="Clusters that will become candidates">
        {ranking.slice(0, count).map((cluster) => (
          <li key={cluster.clusterId}>
            <span className="draft-seed__cluster">{cluster.name || 'Unnamed cluster'}</span>{' '}
            <span className="draft-seed__dots">{dotCount(cluster.dots)}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
