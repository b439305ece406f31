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

/**
 * Is the board on screen to be worked on? In the core-values workshop while clustering, in
 * the journey map while mapping (in both, also after the reveal), and for the journey map's
 * facilitator also at the prompt, to prepare the map; never in the program plan, which has
 * no board.
 */
export function boardOnScreen(flow: WorkshopFlow, role: Role): boolean {
  const afterReveal = flow.stage === 'brainstorm' && flow.revealed
  switch (flow.template) {
    case 'core-values':
      return flow.stage === 'cluster' || afterReveal
    case 'journey-map':
      return flow.stage === 'map' || afterReveal || (flow.stage === 'prompt' && role === 'facilitator')
    case 'program-plan':
      return false
    case null:
      return true
  }
}

/**
 * Whether Undo and Redo belong on this screen now: only where the board they act on is in
 * view and may be changed, so no one undoes a move they cannot see or make.
 */
export function useBoardHistoryShown(workshop: WorkshopModel, role: Role, viewOnly = false): boolean {
  const flow = useSyncExternalStore(workshop.flow.subscribe, workshop.flow.getSnapshot)
  return boardOnScreen(flow, role) && canEdit(flow, role, viewOnly)
}
