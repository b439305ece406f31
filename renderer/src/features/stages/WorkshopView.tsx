import { useSyncExternalStore } from 'react'
import type { BoardModel } from '../../crdt/boardModel'
import { Board } from '../board/Board'
import { BoardOptionsContext, PLAIN_BOARD } from '../board/boardOptions'
import { useEditingPresence } from '../live/useEditingPresence'
import { JourneyWorkshop } from '../journey/JourneyWorkshop'
import { PlanWorkshop } from '../plan/PlanWorkshop'
import { CoreValuesWorkshop, type CoreValuesWorkshopProps } from './CoreValuesWorkshop'

function PlainBoard({ model, viewOnly }: { model: BoardModel; viewOnly: boolean }) {
  const snapshot = useSyncExternalStore(model.snapshots.subscribe, model.snapshots.getSnapshot)
  return (
    <BoardOptionsContext value={viewOnly ? VIEW_ONLY : PLAIN_BOARD}>
      <Board snapshot={snapshot} intents={model.intents} />
    </BoardOptionsContext>
  )
}

const VIEW_ONLY = { ...PLAIN_BOARD, readOnly: true }

/**
 * What a workshop shows below its header, facilitator's and participants' alike: its
 * template's stages, or a plain board until a participant knows the template.
 */
export function WorkshopView(props: CoreValuesWorkshopProps) {
  const flow = useSyncExternalStore(props.workshop.flow.subscribe, props.workshop.flow.getSnapshot)
  const { board } = useSyncExternalStore(props.workshop.editing.subscribe, props.workshop.editing.getSnapshot)
  useEditingPresence(props.live, flow.showEditing && !flow.anonymous)
  switch (flow.template) {
    case 'core-values':
      return <CoreValuesWorkshop {...props} />
    case 'journey-map':
      return <JourneyWorkshop {...props} />
    case 'program-plan':
      return <PlanWorkshop {...props} />
    default:
      return <PlainBoard model={board} viewOnly={props.viewOnly ?? false} />
  }
}
