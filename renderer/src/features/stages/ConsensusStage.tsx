import { useId, useMemo, useSyncExternalStore } from 'react'
import { consensusResults, FIST_MAX } from '../../../../shared/ballots'
import type { ConsensusResult } from '../../../../shared/valuesRecord'
import type { ExternalStore } from '../../crdt/externalStore'
import type { SealedBallot } from '../../crdt/sealedBallots'
import type { ValueCandidate } from '../../crdt/values'
import type { FlowIntents, WorkshopFlow } from '../../crdt/workshopFlow'
import { displayName } from './draft/draftText'
import { DoneButton, RoundHead, type Turnout } from './RoundProgress'
import { followable } from '../../ui/followKey'

/** What each number of fingers means, said beside each button (not only to screen readers). */
const FINGERS: readonly string[] = ['I block this', 'Serious concerns', 'Some concerns', 'I can live with it', 'I support it', 'I fully support it']

/** Each value's result once the check has closed (counts only below the minimum group). */
export function useConsensusResults(
  values: readonly ValueCandidate[],
  published: ExternalStore<readonly unknown[]>,
  flow: WorkshopFlow
): Record<string, ConsensusResult> {
  const ballots = useSyncExternalStore(published.subscribe, published.getSnapshot)
  return useMemo(
    () =>
      consensusResults(
        ballots,
        values.map((value) => value.id),
        { threshold: flow.consensusThreshold, minGroup: flow.minGroup }
      ),
    [ballots, values, flow.consensusThreshold, flow.minGroup]
  )
}

function ConsensusRules({ flow, intents }: { flow: WorkshopFlow; intents: FlowIntents }) {
  const thresholdId = useId()
  const groupId = useId()
  return (
    <div className="vote-rules" role="group" aria-label="Consensus rules">
      <label htmlFor={thresholdId}>Flag for rework below</label>
      <select
        id={thresholdId}
        value={flow.consensusThreshold}
        onChange={(event) => intents.setConsensusRule(Number(event.target.value), flow.minGroup)}
      >
        {Array.from({ length: FIST_MAX + 1 }, (_, n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <label htmlFor={groupId}>Show results from</label>
      <select
        id={groupId}
        value={flow.minGroup}
        onChange={(event) => intents.setConsensusRule(flow.consensusThreshold, Number(event.target.value))}
      >
        {[3, 4, 5, 6, 8, 10].map((n) => (
          <option key={n} value={n}>
            {n} {n === 1 ? 'person' : 'people'}
          </option>
        ))}
      </select>
    </div>
  )
}

function Result({ result, minGroup }: { result: ConsensusResult; minGroup: number }) {
  const captionId = useId()
  if (result.average === null) {
    return (
      <p className="consensus-result consensus-result--hidden">
        {result.voters === 0
          ? 'No one scored this value.'
          : `Only ${result.voters} scored this value: results show from ${minGroup} people, so no one’s score can be singled out.`}
      </p>
    )
  }
  const most = Math.max(1, ...result.scores)
  return (
    <div className="consensus-result">
      <p className={`consensus-result__average${result.flagged ? ' consensus-result__average--flagged' : ''}`}>
        Average {result.average.toFixed(1)} from {result.voters} people
        {result.flagged && <strong className="consensus-result__flag">Needs rework</strong>}
      </p>
      <p id={captionId} className="consensus-histogram__caption">
        How many people showed each number of fingers
      </p>
      <ol className="consensus-histogram" aria-labelledby={captionId}>
        {result.scores.map((count, fingers) => (
          <li key={fingers} className="consensus-histogram__bar">
            <span className="consensus-histogram__count" aria-hidden="true">
              {count}
            </span>
            <span className="consensus-histogram__fill" style={{ height: `${(count / most) * 100}%` }} aria-hidden="true" />
            <span className="consensus-histogram__label" aria-hidden="true">
              {fingers}
            </span>
            <span className="visually-hidden">
              {count === 1 ? '1 person' : `${count} people`} showed {fingers} fingers
            </span>
          </li>
        ))}
      </ol>
    </div>
  )
}

interface ConsensusStageProps {
  flow: WorkshopFlow
  values: readonly ValueCandidate[]
  ballot: SealedBallot
  /** Each value's result (useConsensusResults); shown once the check has closed. */
  results: Record<string, ConsensusResult>
  turnout: Turnout
  intents: FlowIntents | null
  readOnly: boolean
}

/**
 * Fist-of-five on each value. Scores stay on each device until everyone is done or the
 * facilitator closes the check; then every screen shows the results, and values below the
 * facilitator's threshold are flagged for rework.
 */
export function ConsensusStage({ flow, values, ballot, results, turnout, intents, readOnly }: ConsensusStageProps) {
  const own = useSyncExternalStore(ballot.subscribe, ballot.getSnapshot)
  const closed = flow.consensusClosed
  const canChange = !closed && !readOnly && !own.submitted
  const allScored = values.every((value) => own.marks[value.id] !== undefined)

  return (
    <div className="vote-stage">
      <RoundHead
        closed={closed}
        turnout={turnout}
        verb="scored every value"
        controls={
          intents && {
            rules: <ConsensusRules flow={flow} intents={intents} />,
            close: intents.closeConsensus,
            closeLabel: 'Close the check and show results'
          }
        }
      />
      {values.length === 0 ? (
        <p className="vote-stage__empty">There are no value statements yet. Go back to Draft and write some.</p>
      ) : (
        <>
          {!closed && (
            <p className="vote-stage__budget" role="status">
              {own.submitted ? 'Your scores are in. They stay private until the check closes.' : 'Show how far you support each value.'}
            </p>
          )}
          <ul className="consensus-values" aria-label="Values to score">
            {values.map((value) => {
              const name = displayName(value.name)
              return (
                <li key={value.id} className="consensus-value" aria-label={name} {...followable('value', value.id)}>
                  <h3 className="vote-option__name">{name}</h3>
                  {value.definition && <p className="consensus-value__definition">{value.definition}</p>}
                  {closed ? (
                    <Result result={results[value.id]!} minGroup={flow.minGroup} />
                  ) : (
                    <fieldset className="fist" disabled={!canChange}>
                      <legend className="visually-hidden">Your support for {name}</legend>
                      {FINGERS.map((meaning, fingers) => (
                        <label key={fingers} className="fist__choice">
                          <input
                            type="radio"
                            name={`fist-${value.id}`}
                            checked={own.marks[value.id] === fingers}
                            onChange={() => ballot.setMark(value.id, fingers)}
                            aria-label={`${fingers} — ${meaning}`}
                          />
                          <span className="fist__number" aria-hidden="true">
                            {fingers}
                          </span>
                          <span className="fist__meaning" aria-hidden="true">
                            {meaning}
                          </span>
                        </label>
                      ))}
                    </fieldset>
                  )}
                </li>
              )
            })}
          </ul>
          {!closed && !readOnly && (
            <DoneButton
              done={own.submitted}
              onChange={ballot.setSubmitted}
              doneLabel={allScored ? 'I am done' : 'Score every value to finish'}
              changeLabel="Change my scores"
              disabled={!allScored}
            />
          )}
        </>
      )}
    </div>
  )
}
