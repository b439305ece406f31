import { describe, expect, it } from 'vitest'
import type { BoardSnapshot, Note } from '../../../shared/board'
import { buildValuesRecord, type FinalizeInput } from '../../../shared/finalizeValues'
import { parseValuesRecord } from '../../../shared/valuesRecord'

const HOST = Date.UTC(2026, 10, 26, 9, 0, 0)
const ballot = (marks: Record<string, number>) => ({ v: 1, marks })

const note = (id: string, columnId: string, text: string): Note => ({ id, text, colour: 'yellow', columnId, laneId: '', order: 'a0' })

/** "Unsorted ideas" and two clusters, as the board's snapshot holds them (ids in each column's order). */
function board(): BoardSnapshot {
  const notes = [
    note('n1', 'c2', 'Finish what we start'),
    note('n2', 'c1', 'Call back the same day'),
    note('n3', 'c1', '  Listen first\nthen answer  '),
    note('n4', 'u', 'More plants'),
    note('n5', 'c2', '   '),
    note('n6', 'c3', 'A note in a cluster without a name')
  ]
  return {
    columns: [
      { id: 'u', title: 'Unsorted ideas', order: 'a0' },
      { id: 'c1', title: 'Customers', order: 'a1' },
      { id: 'c2', title: 'Ownership', order: 'a2' },
      { id: 'c3', title: ' ', order: 'a3' },
      { id: 'c4', title: 'Empty', order: 'a4' }
    ],
    noteIdsByColumn: { u: ['n4'], c1: ['n3', 'n2'], c2: ['n1', 'n5'], c3: ['n6'], c4: [] },
    notes: Object.fromEntries(notes.map((each) => [each.id, each]))
  }
}

function input(overrides: Partial<FinalizeInput> = {}): FinalizeInput {
  return {
    workshopId: 'workshop-1234',
    title: 'Values offsite',
    prompt: 'What do we stand for?',
    anonymous: true,
    finalizedAt: HOST + 90 * 60_000,
    values: [
      { id: 'v1', name: 'Customer obsessed', definition: 'We start from the customer.', weDo: ['Call back the same day', ' '], weDont: ['Overpromise'], examples: [] },
      { id: 'v2', name: '  ', definition: '', weDo: [], weDont: [], examples: ['A story'] }
    ],
    board: board(),
    voteBallots: [ballot({ c1: 2, c2: 1 }), ballot({ c2: 3 }), ballot({ c1: 1 })],
    vote: { budget: 3, multipleDots: true },
    voteTies: [],
    consensusBallots: [ballot({ v1: 5, v2: 1 }), ballot({ v1: 4, v2: 2 }), ballot({ v1: 4 })],
    consensus: { threshold: 3, minGroup: 3 },
    participantNames: ['Ben', 'Amira'],
    tookPart: 2,
    stageLog: [
      { stage: 'brainstorm', at: HOST },
      { stage: 'cluster', at: HOST + 10 * 60_000 },
      { stage: 'finalize', at: HOST + 80 * 60_000 }
    ],
    ...overrides
  }
}

describe('buildValuesRecord', () => {
  it('makes a record the schema accepts, with the votes, consensus and stage times', () => {
    const record = buildValuesRecord(input())
    expect(parseValuesRecord(record).ok).toBe(true)
    expect(record.votes).toEqual({
      budget: 3,
      multipleDotsPerCluster: true,
      voters: 3,
      ranking: [
        { cluster: 'Ownership', dots: 4, rank: 1, tie: 'none' },
        { cluster: 'Customers', dots: 3, rank: 2, tie: 'none' },
        { cluster: 'Untitled cluster', dots: 0, rank: 3, tie: 'undecided' },
        { cluster: 'Empty', dots: 0, rank: 3, tie: 'undecided' }
      ]
    })
    expect(record.values[0]).toMatchObject({ name: 'Customer obsessed', weDo: ['Call back the same day'] })
    expect(record.values[0]!.consensus).toMatchObject({ voters: 3, average: 4.33, flagged: false })
    expect(record.stages).toEqual([
      { stage: 'Silent brainstorm', startedAt: '2026-11-26T09:00:00.000Z', endedAt: '2026-11-26T09:10:00.000Z' },
      { stage: 'Cluster', startedAt: '2026-11-26T09:10:00.000Z', endedAt: '2026-11-26T10:20:00.000Z' },
      { stage: 'Finalize', startedAt: '2026-11-26T10:20:00.000Z', endedAt: '2026-11-26T10:30:00.000Z' }
    ])
  })

  it('records the facilitator’s tie decisions: a broken tie in their order, a kept tie sharing its rank', () => {
    const record = buildValuesRecord(
      input({
        voteBallots: [ballot({ c1: 2 }), ballot({ c2: 2 })],
        voteTies: [
          { optionIds: ['c2', 'c1'], kept: false },
          { optionIds: ['c3', 'c4'], kept: true }
        ]
      })
    )
    expect(record.votes.ranking).toEqual([
      { cluster: 'Ownership', dots: 2, rank: 1, tie: 'broken' },
      { cluster: 'Customers', dots: 2, rank: 2, tie: 'broken' },
      { cluster: 'Untitled cluster', dots: 0, rank: 3, tie: 'kept' },
      { cluster: 'Empty', dots: 0, rank: 3, tie: 'kept' }
    ])
    expect(parseValuesRecord(record).ok).toBe(true)
  })

  it('counts people, naming no one when anonymous', () => {
    const anonymous = buildValuesRecord(input())
    expect(anonymous.participants).toEqual({ count: 3, names: null })
    const named = buildValuesRecord(input({ anonymous: false }))
    expect(named.participants).toEqual({ count: 3, names: ['Amira', 'Ben'] })
    // Five came in the course of the workshop, the host says; two left before the end without voting.
    expect(buildValuesRecord(input({ tookPart: 5 })).participants).toEqual({ count: 5, names: null })
  })

  it('keeps a small group’s consensus to a count, and names a nameless value', () => {
    const record = buildValuesRecord(input())
    expect(record.values[1]).toMatchObject({ name: 'Untitled value', consensus: { voters: 2, average: null, flagged: false } })
    expect(record.values[1]!.consensus!.scores).toEqual([0, 0, 0, 0, 0, 0])
    expect(parseValuesRecord(record).ok).toBe(true)
  })

  it('keeps what the team wrote: every cluster with its notes in the board’s order, then the unsorted notes, as text only', () => {
    const record = buildValuesRecord(input())
    expect(record.clusters).toEqual([
      { title: 'Customers', notes: ['Listen first\nthen answer', 'Call back the same day'] },
      { title: 'Ownership', notes: ['Finish what we start'] },
      { title: 'Untitled cluster', notes: ['A note in a cluster without a name'] },
      { title: 'Empty', notes: [] }
    ])
    expect(record.unsortedNotes).toEqual(['More plants'])
    // No note id, colour or column id: nothing that could be matched to a person's device.
    expect(JSON.stringify([record.clusters, record.unsortedNotes])).not.toMatch(/"(n\d|c\d|u|yellow)"/)
  })
})
