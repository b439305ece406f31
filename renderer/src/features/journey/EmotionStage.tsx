import { useId, useSyncExternalStore } from 'react'
import type { Column } from '../../../../shared/board'
import { EMOTION_SCALE, emotionGroup } from '../../../../shared/emotions'
import { SMALLEST_GROUP } from '../../../../shared/stages'
import type { EmotionResult } from '../../../../shared/journeyRecord'
import type { EmotionRatings } from '../../crdt/emotions'
import type { FlowIntents, WorkshopFlow } from '../../crdt/workshopFlow'
import { DoneButton, RoundHead, type Turnout } from '../stages/RoundProgress'
import { EmotionCurve } from './EmotionCurve'

const RATINGS = Array.from({ length: EMOTION_SCALE.max - EMOTION_SCALE.min + 1 }, (_, i) => EMOTION_SCALE.min + i)
const RATING_WORDS: Record<number, string> = { [-2]: 'Very bad', [-1]: 'Bad', 0: 'Neutral', 1: 'Good', 2: 'Very good' }
const MAX_MIN_GROUP_OFFERED = 10

interface EmotionStageProps {
  flow: WorkshopFlow
  stages: readonly Column[]
  ratings: EmotionRatings
  /** The curve from the published ratings; shown once the round has closed. */
  results: readonly EmotionResult[]
  turnout: Turnout
  intents: FlowIntents | null
  readOnly: boolean
}

function MinGroupRule({ flow, intents }: { flow: WorkshopFlow; intents: FlowIntents }) {
  const id = useId()
  return (
    <div className="vote-rules" role="group" aria-label="Emotion curve rule">
      <label htmlFor={id}>Show a stage from</label>
      <select id={id} value={emotionGroup(flow.minGroup)} onChange={(event) => intents.setMinGroup(Number(event.target.value))}>
        {Array.from({ length: MAX_MIN_GROUP_OFFERED - SMALLEST_GROUP + 1 }, (_, i) => i + SMALLEST_GROUP).map((n) => (
          <option key={n} value={n}>
            {n} ratings
          </option>
        ))}
      </select>
    </div>
  )
}

/**
 * The emotion curve round: each person rates how each journey stage feels, privately. When
 * the facilitator closes the round, the curve shows the stages enough people rated.
 */
export function EmotionStage({ flow, stages, ratings, results, turnout, intents, readOnly }: EmotionStageProps) {
  const own = useSyncExternalStore(ratings.subscribe, ratings.getSnapshot)
  const canChange = !flow.emotionsClosed && !readOnly && !own.submitted
  const rated = stages.filter((stage) => own.ratings[stage.id] !== undefined).length

  return (
    <div className="emotion-stage">
      <RoundHead
        closed={flow.emotionsClosed}
        turnout={turnout}
        verb="rated the journey"
        controls={
          intents && {
            rules: <MinGroupRule flow={flow} intents={intents} />,
            close: intents.closeEmotions,
            closeLabel: 'Close the ratings and show the curve',
            reopen: { reopen: intents.reopenEmotions, label: 'Reopen the ratings' }
          }
        }
      />
      {flow.emotionsClosed ? (
        <EmotionCurve stages={stages} results={results} minGroup={emotionGroup(flow.minGroup)} />
      ) : (
        <>
          <p className="vote-stage__budget" role="status">
            {own.submitted
              ? 'Your ratings are in. They stay on your device until the round closes.'
              : `You have rated ${rated} of ${stages.length} stages. Skip a stage you cannot judge.`}
          </p>
          <ul className="emotion-ratings" aria-label="Rate each stage">
            {stages.map((stage) => (
              <li key={stage.id} className="emotion-rating">
                <fieldset className="emotion-rating__set" disabled={!canChange}>
                  <legend className="emotion-rating__stage">{stage.title}</legend>
                  {RATINGS.map((rating) => (
                    <label key={rating} className="emotion-rating__option">
                      <input
                        type="radio"
                        name={`emotion-${stage.id}`}
                        value={rating}
                        checked={own.ratings[stage.id] === rating}
                        onChange={() => ratings.rate(stage.id, rating)}
                      />
                      <span className="emotion-rating__value" aria-hidden="true">
                        {rating > 0 ? `+${rating}` : rating}
                      </span>
                      <span className="emotion-rating__word">{RATING_WORDS[rating]}</span>
                    </label>
                  ))}
                </fieldset>
              </li>
            ))}
          </ul>
          {!readOnly && (
            <DoneButton done={own.submitted} onChange={ratings.setSubmitted} doneLabel="I have rated" changeLabel="Change my ratings" />
          )}
        </>
      )}
    </div>
  )
}
