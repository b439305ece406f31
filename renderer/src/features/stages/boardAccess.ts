import { useSyncExternalStore } from 'react'
import type { WorkshopModel } from '../../crdt/workshopModel'
import type { WorkshopFlow } from '../../crdt/workshopFlow'

export type Role = 'facilitator' | 'participant'

/**
 * May this screen change the board and the value statements? Not once finalized, not for a
 * participant while the facilitator has locked editing, not after the session ended for them.
 */
export function canEdit(flow: WorkshopFlow, role: Role, viewOnly: boolean): boolean {
  return !viewOnly && flow.finalizedAt === null && !(flow.locked && role === 'participant')
}

/** Is the board itself on screen? In the core-values workshop only while clustering (and after the reveal). */
export function boardOnScreen(flow: WorkshopFlow): boolean {
  return flow.template !== 'core-values' || flow.stage === 'cluster' || (flow.stage === 'brainstorm' && flow.revealed)
}

/**
 * Whether Undo and Redo belong on this screen now: only where the board they act on is in
 * view and may be changed, so no one undoes a move they cannot see or make.
 */
export function useBoardHistoryShown(workshop: WorkshopModel, role: Role, viewOnly = false): boolean {
  const flow = useSyncExternalStore(workshop.flow.subscribe, workshop.flow.getSnapshot)
  return boardOnScreen(flow) && canEdit(flow, role, viewOnly)
}
