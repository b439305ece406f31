import type { ReactNode } from 'react'
import { stageOf, templateStages } from '../../../../shared/stages'
import type { FlowIntents, WorkshopFlow } from '../../crdt/workshopFlow'
import { StageTimer } from './StageTimer'

interface StageBarProps {
  flow: WorkshopFlow
  hostNow(): number
  intents: FlowIntents
  /** Stage-specific controls and status, under the instructions. */
  children?: ReactNode
}

/**
 * The facilitator's bar at the top of the workshop: every stage, what to watch for, the shared
 * timer, and the controls. Participants see the same in their header (StageIndicator, StageGuide).
 */
export function StageBar({ flow, hostNow, intents, children }: StageBarProps) {
  const { stages } = templateStages(flow.template)
  const index = stages.indexOf(flow.stage)
  const stage = stageOf(flow.template, flow.stage)
  const previous = stages[index - 1]
  const next = stages[index + 1]
  const finalized = flow.finalizedAt !== null
  return (
    <section className="stage-bar" aria-label="Workshop stage">
      <ol className="stage-steps" aria-label="Stages">
        {stages.map((id, i) => (
          <li
            key={id}
            className={`stage-steps__step${i < index ? ' stage-steps__step--done' : ''}${i === index ? ' stage-steps__step--current' : ''}`}
            aria-current={i === index ? 'step' : undefined}
          >
            <span className="stage-steps__number" aria-hidden="true">
              {i + 1}
            </span>
            {stageOf(flow.template, id).name}
          </li>
        ))}
      </ol>
      <div className="stage-bar__row">
        <div className="stage-bar__text">
          <h2 className="stage-bar__name">
            <span className="visually-hidden">Stage {index + 1} of {stages.length}: </span>
            {stage.name}
            {flow.locked && <span className="stage-bar__badge">{finalized ? 'Finalized' : 'Editing locked'}</span>}
          </h2>
          <p className="stage-bar__instructions">{stage.facilitatorTip}</p>
          {children}
        </div>
        {/* A finalized workshop has no time left to keep. */}
        {!finalized && <StageTimer timer={flow.timer} hostNow={hostNow} intents={intents} />}
      </div>
      {!finalized && (
        <div className="stage-bar__controls">
          <div className="stage-bar__moves">
            {previous && (
              <button type="button" className="button button--small" onClick={() => intents.goToStage(previous)}>
                <span aria-hidden="true">←</span> Back to {stageOf(flow.template, previous).name}
              </button>
            )}
            {next && (
              <button
                type="button"
                className="button button--small button--primary"
                onClick={() => intents.goToStage(next)}
              >
                Next: {stageOf(flow.template, next).name} <span aria-hidden="true">→</span>
              </button>
            )}
          </div>
          <div className="stage-bar__settings" role="group" aria-label="Room settings">
            <Toggle label="Lock editing" checked={flow.locked} onChange={intents.setLocked} />
            <Toggle label="Anonymous" checked={flow.anonymous} onChange={intents.setAnonymous} />
            <Toggle label="Everyone follows me" checked={flow.followFacilitator} onChange={intents.setFollowFacilitator} />
            <Toggle
              label="Show who is editing"
              checked={flow.showEditing && !flow.anonymous}
              disabled={flow.anonymous}
              onChange={intents.setShowEditing}
            />
          </div>
        </div>
      )}
    </section>
  )
}

function Toggle(props: { label: string; checked: boolean; disabled?: boolean; onChange(checked: boolean): void }) {
  return (
    <label className={`toggle${props.disabled ? ' toggle--disabled' : ''}`}>
      <input
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      {props.label}
    </label>
  )
}
