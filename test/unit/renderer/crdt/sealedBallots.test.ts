import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { rankClusters } from '../../../../shared/ballots'
import { createSealedBallot, publishedBallots } from '../../../../renderer/src/crdt/sealedBallots'
import type { Submission } from '../../../../shared/roundSubmissions'
import { peerOf } from './boardFixtures'

const clusters = [
  { id: 'c1', title: 'Integrity' },
  { id: 'c2', title: 'Ownership' }
]

describe('sealed ballots', () => {
  it('stay on the voter’s device until published; with anonymity off, appear under a random key as the voter’s own change', () => {
    const board = new Y.Doc()
    const own = new Y.Doc()
    const vote = createSealedBallot(own, 'votes')
    vote.setMark('c1', 2)
    vote.setMark('c2', 1)
    vote.setSubmitted(true)
    expect(vote.getSnapshot()).toEqual({ marks: { c1: 2, c2: 1 }, submitted: true })
    expect(peerOf(board).getMap('votes').size).toBe(0)

    expect(vote.publish(board, null)).toBe(true)
    const room = peerOf(board)
    const votes = room.getMap('votes')
    expect(votes.size).toBe(1)
    const [key] = votes.keys()
    expect(key).toMatch(/^[0-9a-f]{24}$/)
    expect([...room.store.clients.keys()]).toEqual([board.clientID])
    expect(rankClusters(publishedBallots(room, 'votes'), clusters, { budget: 3, multipleDots: true }).ranking[0]).toEqual({
      clusterId: 'c1',
      name: 'Integrity',
      dots: 2
    })
  })

  it('publishes once, and a changed ballot replaces its first version', () => {
    const board = new Y.Doc()
    const vote = createSealedBallot(new Y.Doc(), 'votes')
    vote.setMark('c1', 1)
    vote.publish(board, null)
    expect(vote.publish(board, null)).toBe(false)
    vote.setMark('c1', 0)
    vote.setMark('c2', 1)
    expect(vote.publish(board, null)).toBe(true)
    const ballots = publishedBallots(peerOf(board), 'votes')
    expect(ballots).toEqual([{ v: 1, marks: { c1: 0, c2: 1 } }])
  })

  it('publishes nothing for someone who marked nothing', () => {
    const board = new Y.Doc()
    expect(createSealedBallot(new Y.Doc(), 'votes').publish(board, null)).toBe(false)
    expect(board.getMap('votes').size).toBe(0)
  })

  it('keeps the vote and the consensus check apart', () => {
    const board = new Y.Doc()
    const own = new Y.Doc()
    createSealedBallot(own, 'votes').setMark('c1', 1)
    const check = createSealedBallot(own, 'consensus')
    check.setMark('value-1', 4)
    check.setMark('value-2', 0)
    check.publish(board, null)
    expect(publishedBallots(board, 'votes')).toEqual([])
    expect(publishedBallots(board, 'consensus')).toEqual([{ v: 1, marks: { 'value-1': 4, 'value-2': 0 } }])
  })

  it('in anonymous mode, hands the ballot to the host under the same random key each time, and writes nothing itself', () => {
    const board = new Y.Doc()
    const check = createSealedBallot(new Y.Doc(), 'consensus')
    const handedIn: Submission[] = []
    // Even an empty ballot: the host then knows this person has nothing to add.
    expect(check.publish(board, (submission) => handedIn.push(submission))).toBe(true)
    check.setMark('value-1', 3)
    check.publish(board, (submission) => handedIn.push(submission))
    expect(handedIn).toEqual([
      { v: 1, round: 'consensus', key: expect.stringMatching(/^[0-9a-f]{24}$/) as string, marks: {} },
      { v: 1, round: 'consensus', key: (handedIn[0] as { key: string }).key, marks: { 'value-1': 3 } }
    ])
    expect(board.store.clients.size).toBe(0)
  })
})
