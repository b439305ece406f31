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

  it('shows the core-values board only while clustering, and any other template’s always', () => {
    expect(boardOnScreen(flow({ stage: 'cluster' }))).toBe(true)
    expect(boardOnScreen(flow({ stage: 'brainstorm', revealed: false }))).toBe(false)
    expect(boardOnScreen(flow({ stage: 'brainstorm', revealed: true }))).toBe(true)
    for (const stage of ['prompt', 'vote', 'draft', 'consensus', 'finalize'] as const) expect(boardOnScreen(flow({ stage }))).toBe(false)
    expect(boardOnScreen(flow({ template: 'journey-map', stage: 'vote' }))).toBe(true)
  })
})
