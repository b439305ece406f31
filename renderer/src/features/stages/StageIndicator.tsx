import { stageOf, templateStages } from '../../../../shared/stages'
import type { WorkshopFlow } from '../../crdt/workshopFlow'
import './stages.css'

/**
 * "2 of 7 · Silent brainstorm" in one line: where the workshop is, on a participant's screen.
 * A finalized workshop says so in place of its last stage's name, which says nearly the same.
 */
export function StageIndicator({ flow }: { flow: WorkshopFlow }) {
  const { stages } = templateStages(flow.template)
  const index = stages.indexOf(flow.stage)
  const finalized = flow.finalizedAt !== null
  return (
    <section className="stage-indicator" aria-label="Workshop stage">
      <h2 className="stage-indicator__name">
        <span className="visually-hidden">Stage </span>
        <span className="stage-indicator__count">
          {index + 1} of {stages.length}
          <span aria-hidden="true"> · </span>
          <span className="visually-hidden">: </span>
        </span>
        <span className="stage-indicator__stage">{finalized ? 'Finalized' : stageOf(flow.template, flow.stage).name}</span>
        {flow.locked && !finalized && <span className="stage-bar__badge">Editing locked</span>}
      </h2>
    </section>
  )
}
