import type { WorkshopFlow } from '../../crdt/workshopFlow'

/**
 * The round in which people's work is still private (on their own devices) at this point of
 * the workshop, in words for the facilitator; null when nothing is waiting to be shared.
 */
export function openPrivateRound(flow: WorkshopFlow): string | null {
  switch (flow.stage) {
    case 'brainstorm':
      return flow.revealed ? null : 'The silent brainstorm'
    case 'vote':
      return flow.votingClosed ? null : 'The dot vote'
    case 'consensus':
      return flow.consensusClosed ? null : 'The consensus check'
    case 'emotions':
      return flow.emotionsClosed ? null : 'The emotion curve'
    default:
      return null
  }
}
