import { useId, useMemo, useSyncExternalStore } from 'react'
import { decideTies, rankClusters, tieNoteAfter, tiesOf, type RankedPlace, type TieDecision } from '../../../../shared/ballots'
import { MAX_VOTE_BUDGET } from '../../../../shared/stages'
import type { ExternalStore } from '../../crdt/externalStore'
import type { SealedBallot } from '../../crdt/sealedBallots'
import type { FlowIntents, WorkshopFlow } from '../../crdt/workshopFlow'
import { DoneButton, RoundHead, type Turnout } from './RoundProgress'
import { followable } from '../../ui/followKey'
import { TieDecisionBlock } from './TieDecision'

/** Something to put dots on: a cluster of the core-values board, a note of the journey map. */
export interface VoteOption {
  id: string
  title: string
  /** A line under the title: a cluster's first notes, a note's stage and lane. */
  detail: string
}

interface VoteStageProps {
  flow: WorkshopFlow
  options: readonly VoteOption[]
  /** "cluster", "note": what the options are called. */
  noun: string
  /** What to say when there is nothing to vote on. */
  emptyMessage: string
  ballot: SealedBallot
  /** Counted from the published ballots (useVoteResults); shown once voting has closed. */
  results: VoteResults
  turnout: Turnout
  intents: FlowIntents | null
  readOnly: boolean
  /**
   * The results feed a cut (the core values' "top N clusters", the program plan's top
   * opportunities of a journey map), so every screen shows each tie and the facilitator breaks or keeps it.
   */
  decidesTies?: boolean
}

export interface VoteResults {
  voters: number
  /** Most dots first, with the facilitator's tie decisions applied. */
  ranking: RankedPlace[]
}

/** The ranking the room sees once voting has closed. `options` must be stable while unchanged. */
export function useVoteResults(
  options: readonly VoteOption[],
  published: ExternalStore<readonly unknown[]>,
  flow: WorkshopFlow
): VoteResults {
  const ballots = useSyncExternalStore(published.subscribe, published.getSnapshot)
  const { voteBudget: budget, multipleDots, voteTies } = flow
  return useMemo(() => {
    const { voters, ranking } = rankClusters(ballots, options, { budget, multipleDots })
    return { voters, ranking: decideTies(ranking, voteTies) }
  }, [ballots, options, budget, multipleDots, voteTies])
}

const capitalised = (noun: string) => noun.charAt(0).toUpperCase() + noun.slice(1)

function VoteRules({ flow, intents, noun }: { flow: WorkshopFlow; intents: FlowIntents; noun: string }) {
  const budgetId = useId()
  return (
    <div className="vote-rules" role="group" aria-label="Voting rules">
      <label htmlFor={budgetId}>Dots per person</label>
      <select
        id={budgetId}
        value={flow.voteBudget}
        onChange={(event) => intents.setVoteRules(Number(event.target.value), flow.multipleDots)}
      >
        {Array.from({ length: MAX_VOTE_BUDGET }, (_, i) => i + 1).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <label className="toggle">
        <input
          type="checkbox"
          checked={flow.multipleDots}
          onChange={(event) => intents.setVoteRules(flow.voteBudget, event.target.checked)}
        />
        Several dots on one {noun}
      </label>
    </div>
  )
}

interface ResultsProps extends VoteResults {
  noun: string
  /** Shown when the results feed a cut; `decide` is the facilitator's, null elsewhere. */
  ties: { decide: ((decision: TieDecision) => void) | null } | null
}

function Results({ ranking, voters, noun, ties }: ResultsProps) {
  const most = Math.max(1, ...ranking.map((cluster) => cluster.dots))
  const tieGroups = ties ? tiesOf(ranking).filter((tie) => tie[0]!.dots > 0) : []
  return (
    <section className="vote-results" aria-label="Vote results">
      <p className="vote-results__summary">
        {voters === 1 ? '1 ballot' : `${voters} ballots`} counted. {capitalised(noun)}s by dots, most first:
      </p>
      <ol className="vote-results__list">
        {ranking.map((cluster) => (
          // Tied places share their number: no order within a tie is implied, unless the facilitator broke it.
          <li key={cluster.clusterId} className="vote-results__item" value={cluster.rank}>
            <span className="vote-results__name">{cluster.name}</span>
            <span className="vote-results__bar" aria-hidden="true">
              <span style={{ width: `${(cluster.dots / most) * 100}%` }} />
            </span>
            <span className="vote-results__dots">
              {cluster.dots === 1 ? '1 dot' : `${cluster.dots} dots`}
              {cluster.tie !== 'none' && <span className="vote-results__tie">{tieNoteAfter(cluster.tie)}</span>}
            </span>
          </li>
        ))}
      </ol>
      {ties && tieGroups.length > 0 && (
        <div className="vote-ties" role="group" aria-label="Ties">
          {tieGroups.map((tie) => (
            <TieDecisionBlock key={tie[0]!.dots} tie={tie} decide={ties.decide} noun={noun} />
          ))}
        </div>
      )}
    </section>
  )
}

/**
 * Dot voting: each person spends their dots on clusters. The ballot stays on their device
 * until the facilitator closes voting; the room sees only how many are done.
 */
export function VoteStage({ flow, options, noun, emptyMessage, ballot, results, turnout, intents, readOnly, decidesTies = false }: VoteStageProps) {
  const own = useSyncExternalStore(ballot.subscribe, ballot.getSnapshot)
  const used = options.reduce((sum, option) => sum + (own.marks[option.id] ?? 0), 0)
  const left = flow.voteBudget - used
  const canChange = !flow.votingClosed && !readOnly && !own.submitted

  return (
    <div className="vote-stage">
      <RoundHead
        closed={flow.votingClosed}
        turnout={turnout}
        verb="voted"
        controls={
          intents && {
            rules: <VoteRules flow={flow} intents={intents} noun={noun} />,
            close: intents.closeVoting,
            closeLabel: 'Close voting and show results',
            reopen: { reopen: intents.reopenVoting, label: 'Reopen voting' }
          }
        }
      />
      {flow.votingClosed ? (
        <Results {...results} noun={noun} ties={decidesTies ? { decide: intents?.decideTie ?? null } : null} />
      ) : options.length === 0 ? (
        <p className="vote-stage__empty">{emptyMessage}</p>
      ) : (
        <>
          <p className="vote-stage__budget" role="status">
            {own.submitted
              ? 'Your vote is in. It stays private until voting closes.'
              : `You have ${left} of ${flow.voteBudget} ${flow.voteBudget === 1 ? 'dot' : 'dots'} left.`}
          </p>
          <ul className="vote-options" aria-label={`${capitalised(noun)}s to vote on`}>
            {options.map((cluster) => {
              const dots = own.marks[cluster.id] ?? 0
              const canAdd = canChange && left > 0 && (flow.multipleDots || dots === 0)
              return (
                <li key={cluster.id} className="vote-option" aria-label={cluster.title} {...followable('column', cluster.id)}>
                  <div className="vote-option__text">
                    <h3 className="vote-option__name">{cluster.title}</h3>
                    {cluster.detail && <p className="vote-option__notes">{cluster.detail}</p>}
                  </div>
                  <div className="vote-option__dots">
                    <button
                      type="button"
                      className="button vote-option__step"
                      aria-label={`Take a dot from ${cluster.title}`}
                      disabled={!canChange || dots === 0}
                      onClick={() => ballot.setMark(cluster.id, dots - 1)}
                    >
                      −
                    </button>
                    <span className="vote-option__count" aria-label={`Your dots on ${cluster.title}`}>
                      {Array.from({ length: dots }, (_, i) => (
                        <span key={i} className="vote-dot" aria-hidden="true" />
                      ))}
                      <span className="visually-hidden">{dots}</span>
                    </span>
                    <button
                      type="button"
                      className="button vote-option__step"
                      aria-label={`Give a dot to ${cluster.title}`}
                      disabled={!canAdd}
                      onClick={() => ballot.setMark(cluster.id, dots + 1)}
                    >
                      +
                    </button>
                  </div>
                </li>
              )
            })}
          </ul>
          {!readOnly && (
            <DoneButton done={own.submitted} onChange={ballot.setSubmitted} doneLabel="I have voted" changeLabel="Change my vote" />
          )}
        </>
      )}
    </div>
  )
}
