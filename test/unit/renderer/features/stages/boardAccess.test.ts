import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readWorkshopFlow, type WorkshopFlow } from '../../../../../renderer/src/crdt/workshopFlow'
import { boardOnScreen, canEdit } from '../../../../../renderer/src/features/stages/boardAccess'

const flow = (overrides: Partial<WorkshopFlow>): WorkshopFlow => ({ ...readWorkshopFlow(new Y.Doc()), template: 'core-values', ...overrides })

describe('board access', () => {
  it('lets a participant edit unless locked, finalized or the session ended for them', () => {
    expect(canEdit(flow({}), 'participant', false)).toBe(true)
    expect(canEdit(flow({ locked: true }), 'participant', false)).toBe(false)
    expect(canEdit(flow({ locked: true }), 'facilitator', false)).toBe(true)
    expect(canEdit(flow({ finalizedAt: 1 }), 'facilitator', false)).toBe(false)
    expect(canEdit(flow({}), 'participant', true)).toBe(false)
  })

  it('opens the core-values board only while clustering (and after the reveal)', () => {
    expect(boardOnScreen(flow({ stage: 'cluster' }), 'participant')).toBe(true)
    expect(boardOnScreen(flow({ stage: 'brainstorm', revealed: false }), 'participant')).toBe(false)
    expect(boardOnScreen(flow({ stage: 'brainstorm', revealed: true }), 'participant')).toBe(true)
    for (const stage of ['prompt', 'vote', 'draft', 'consensus', 'finalize'] as const) {
      expect(boardOnScreen(flow({ stage }), 'facilitator')).toBe(false)
    }
  })

  it('opens the journey map while mapping, and at the prompt to its facilitator only; never a program plan', () => {
    const journey = (overrides: Partial<WorkshopFlow>) => flow({ template: 'journey-map', ...overrides })
    expect(boardOnScreen(journey({ stage: 'map' }), 'participant')).toBe(true)
    expect(boardOnScreen(journey({ stage: 'prompt' }), 'facilitator')).toBe(true)
    expect(boardOnScreen(journey({ stage: 'prompt' }), 'participant')).toBe(false)
    for (const stage of ['emotions', 'vote', 'finalize'] as const) expect(boardOnScreen(journey({ stage }), 'facilitator')).toBe(false)
    expect(boardOnScreen(flow({ template: 'program-plan', stage: 'plan' }), 'facilitator')).toBe(false)
  })
})
