import { useSyncExternalStore } from 'react'
import type { BoardModel } from '../../crdt/boardModel'
import { Board } from '../board/Board'
import { BoardOptionsContext, PLAIN_BOARD } from '../board/boardOptions'
import { useEditingPresence } from '../live/useEditingPresence'
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
 * What a workshop shows below its header, facilitator's and participants' alike: the
 * core-values workshop's stages, or the board of a template that has no stages yet.
 */
export function WorkshopView(props: CoreValuesWorkshopProps) {
  const flow = useSyncExternalStore(props.workshop.flow.subscribe, props.workshop.flow.getSnapshot)
  const { board } = useSyncExternalStore(props.workshop.editing.subscribe, props.workshop.editing.getSnapshot)
  useEditingPresence(props.live, flow.showEditing && !flow.anonymous)
  return flow.template === 'core-values' ? (
    <CoreValuesWorkshop {...props} />
  ) : (
    <PlainBoard model={board} viewOnly={props.viewOnly ?? false} />
  )
}
