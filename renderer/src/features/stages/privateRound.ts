import type { WorkshopFlow } from '../../crdt/workshopFlow'

/** Where the current stage's private round is: a stage without one, still open, or over. */
export function privateRoundState(flow: WorkshopFlow): 'none' | 'open' | 'over' {
  const over = (closed: boolean) => (closed ? 'over' : 'open')
  switch (flow.stage) {
    case 'brainstorm':
      return over(flow.revealed)
    case 'vote':
      return over(flow.votingClosed)
    case 'consensus':
      return over(flow.consensusClosed)
    case 'emotions':
      return over(flow.emotionsClosed)
    default:
      return 'none'
  }
}

const ROUND_NAMES: Partial<Record<WorkshopFlow['stage'], string>> = {
  brainstorm: 'The silent brainstorm',
  vote: 'The dot vote',
  consensus: 'The consensus check',
  emotions: 'The emotion curve'
}

/**
 * The round in which people's work is still private (on their own devices) at this point of
 * the workshop, in words for the facilitator; null when nothing is waiting to be shared.
 */
export function openPrivateRound(flow: WorkshopFlow): string | null {
  return privateRoundState(flow) === 'open' ? (ROUND_NAMES[flow.stage] ?? null) : null
}
