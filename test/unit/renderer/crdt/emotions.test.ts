import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Submission } from '../../../../shared/roundSubmissions'
import { emotionCurve } from '../../../../shared/emotions'
import { createEmotionRatings, emotionsOf, readPublishedEmotions } from '../../../../renderer/src/crdt/emotions'
import { sync } from './boardFixtures'

const K = 3

/** Every value written into the board's emotions, by anyone. */
const entriesOf = (board: Y.Doc) => Array.from(emotionsOf(board).values()) as Array<Record<string, unknown>>

describe('the emotion curve', () => {
  it('keeps ratings off the shared document until the round closes', () => {
    const board = new Y.Doc()
    const people = [0, 1, 2].map(() => createEmotionRatings(new Y.Doc()))
    people.forEach((ratings, i) => ratings.rate('onboard', i - 1))
    expect(emotionsOf(board).size).toBe(0)
    expect(people[2]!.getSnapshot().ratings).toEqual({ onboard: 1 })
  })

  it('with anonymity off, each screen writes its own ratings as its own change, and the curve shows from k ratings', () => {
    const boards = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
    boards.forEach((board, i) => {
      const ratings = createEmotionRatings(new Y.Doc())
      ratings.rate('onboard', i - 1)
      if (i < 2) ratings.rate('exit', 2)
      ratings.publish(board, null)
    })
    for (let i = 1; i < boards.length; i++) sync(boards[0]!, boards[i]!)
    const board = boards[0]!
    const writers = new Set<number>()
    emotionsOf(board)._map.forEach((item) => writers.add(item.id.client))
    expect(writers).toEqual(new Set(boards.map((each) => each.clientID)))
    expect(emotionCurve(readPublishedEmotions(board), ['onboard', 'exit'], K)).toEqual([
      { stageId: 'onboard', raters: 3, median: 0, spread: { low: -0.5, high: 0.5 } },
      // Two rated Exit: fewer than k, so no median or spread, whatever minimum is asked for.
      { stageId: 'exit', raters: 2, median: null, spread: null }
    ])
    expect(emotionCurve(readPublishedEmotions(board), ['exit'], 1)[0]!.median).toBeNull()
  })

  it('a rating changed after the round was reopened replaces the first one', () => {
    const board = new Y.Doc()
    const ratings = createEmotionRatings(new Y.Doc())
    ratings.rate('develop', 0)
    expect(ratings.publish(board, null)).toBe(1)
    expect(ratings.publish(board, null)).toBe(0)
    ratings.rate('develop', 2)
    ratings.publish(board, null)
    expect(entriesOf(board)).toEqual([{ v: 1, kind: 'rating', stageId: 'develop', rating: 2 }])
  })

  it('in anonymous mode hands every rating to the host under one random key, and writes nothing itself', () => {
    const board = new Y.Doc()
    const ratings = createEmotionRatings(new Y.Doc())
    ratings.rate('onboard', -1)
    ratings.rate('exit', 2)
    const handedIn: Submission[] = []
    ratings.publish(board, (submission) => handedIn.push(submission))
    ratings.publish(board, (submission) => handedIn.push(submission))
    expect(handedIn[0]).toEqual({ v: 1, round: 'emotions', key: expect.stringMatching(/^[0-9a-f]{24}$/) as string, ratings: { onboard: -1, exit: 2 } })
    expect(handedIn[1]).toEqual(handedIn[0])
    expect(board.store.clients.size).toBe(0)
  })

  it('shows a stage the host withheld as its count of raters, with no median', () => {
    const board = new Y.Doc()
    emotionsOf(board).set('w', { v: 1, kind: 'withheld', stageId: 'exit', raters: 2 })
    expect(emotionCurve(readPublishedEmotions(board), ['exit'], K)).toEqual([{ stageId: 'exit', raters: 2, median: null, spread: null }])
  })

  it('counts nothing of a malformed entry from a peer, and refuses ratings off the scale', () => {
    const board = new Y.Doc()
    emotionsOf(board).set('x', { kind: 'rating', stageId: 'exit', rating: 7 })
    emotionsOf(board).set('y', 'not an entry')
    emotionsOf(board).set('z', { kind: 'withheld', stageId: 42, raters: 1 })
    const published = readPublishedEmotions(board)
    expect(published.ratings.size).toBe(0)
    expect(published.withheld.size).toBe(0)
    const ratings = createEmotionRatings(new Y.Doc())
    ratings.rate('exit', 3)
    ratings.rate('exit', 1.5)
    expect(ratings.getSnapshot().ratings).toEqual({})
  })
})
