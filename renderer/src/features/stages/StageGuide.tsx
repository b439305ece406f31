import { useState } from 'react'
import { stageOf } from '../../../../shared/stages'
import type { WorkshopFlow } from '../../crdt/workshopFlow'
import { privateRoundState } from './privateRound'

function participantInstructions(flow: WorkshopFlow): string {
  if (flow.finalizedAt !== null) return 'The workshop is finalized. The facilitator keeps the record and shares the exports.'
  if (flow.locked) return 'The facilitator has locked editing for now: you can look, not change anything.'
  const stage = stageOf(flow.template, flow.stage)
  // Once the round is over, its instructions ("stays private until voting closes") are stale.
  return (privateRoundState(flow) === 'over' && stage.afterRound) || stage.instructions
}

/**
 * What a participant is asked to do now, open whenever it says something new (a stage, a lock,
 * a closed round) and folded away once they have read it, so a phone keeps its room for the work.
 */
export function StageGuide({ flow }: { flow: WorkshopFlow }) {
  const instructions = participantInstructions(flow)
  // Keyed by stage and text, so coming back to a stage remembers, and a new message opens again.
  const shown = `${flow.stage}\n${instructions}`
  const [folded, setFolded] = useState<ReadonlySet<string>>(() => new Set())
  return (
    <details
      className="stage-guide"
      open={!folded.has(shown)}
      onToggle={(event) => {
        const open = event.currentTarget.open
        setFolded((before) => {
          if (open !== before.has(shown)) return before
          const after = new Set(before)
          if (open) after.delete(shown)
          else after.add(shown)
          return after
        })
      }}
    >
      <summary className="stage-guide__summary">How this stage works</summary>
      <p className="stage-guide__text">{instructions}</p>
    </details>
  )
}
