import { stageOf, templateStages } from '../../../../shared/stages'
import type { WorkshopFlow } from '../../crdt/workshopFlow'
import './stages.css'

/** "2 of 7 · Silent brainstorm" in one line: where the workshop is, on a participant's screen. */
export function StageIndicator({ flow }: { flow: WorkshopFlow }) {
  const { stages } = templateStages(flow.template)
  const index = stages.indexOf(flow.stage)
  return (
    <section className="stage-indicator" aria-label="Workshop stage">
      <h2 className="stage-indicator__name">
        <span className="visually-hidden">Stage </span>
        <span className="stage-indicator__count">
          {index + 1} of {stages.length}
          <span aria-hidden="true"> · </span>
          <span className="visually-hidden">: </span>
        </span>
        <span className="stage-indicator__stage">{stageOf(flow.template, flow.stage).name}</span>
        {flow.locked && <span className="stage-bar__badge">{flow.finalizedAt !== null ? 'Finalized' : 'Editing locked'}</span>}
      </h2>
    </section>
  )
}
