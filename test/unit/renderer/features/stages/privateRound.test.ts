import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readWorkshopFlow } from '../../../../../renderer/src/crdt/workshopFlow'
import { openPrivateRound, privateRoundState } from '../../../../../renderer/src/features/stages/privateRound'

/** The flow of a core-values workshop with `meta` set as the facilitator's controls would. */
function flowWith(meta: Record<string, unknown>) {
  const doc = new Y.Doc()
  doc.getMap('meta').set('template', 'core-values')
  for (const [key, value] of Object.entries(meta)) doc.getMap('meta').set(key, value)
  return readWorkshopFlow(doc)
}

describe('the private round of a stage: open (End session warns), over (instructions change) or none', () => {
  it('names each round while people’s work is still on their devices', () => {
    expect(openPrivateRound(flowWith({ stage: 'brainstorm' }))).toBe('The silent brainstorm')
    expect(openPrivateRound(flowWith({ stage: 'vote' }))).toBe('The dot vote')
    expect(openPrivateRound(flowWith({ stage: 'consensus' }))).toBe('The consensus check')
  })

  it('says nothing once the round is revealed or closed, or in a stage without one', () => {
    expect(openPrivateRound(flowWith({ stage: 'brainstorm', revealed: true }))).toBeNull()
    expect(openPrivateRound(flowWith({ stage: 'vote', votingClosed: true }))).toBeNull()
    expect(openPrivateRound(flowWith({ stage: 'consensus', consensusClosed: true }))).toBeNull()
    expect(openPrivateRound(flowWith({ stage: 'cluster' }))).toBeNull()
  })

  it('tells a stage whose round is over from one without a round, so participants are not told stale things', () => {
    expect(privateRoundState(flowWith({ stage: 'vote', votingClosed: true }))).toBe('over')
    expect(privateRoundState(flowWith({ stage: 'vote' }))).toBe('open')
    expect(privateRoundState(flowWith({ stage: 'draft' }))).toBe('none')
  })
})
