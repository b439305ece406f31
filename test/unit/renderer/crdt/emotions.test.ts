import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  createEmotionRatings,
  emotionCurve,
  emotionsOf,
  readPublishedEmotions,
  type EmotionRatings
} from '../../../../renderer/src/crdt/emotions'
import { sync } from './boardFixtures'

const K = 3

/** A room of people, each with a board copy and a private document, synced like peers. */
function room(size: number) {
  const people = Array.from({ length: size }, () => {
    const board = new Y.Doc()
    const ratings: EmotionRatings = createEmotionRatings(new Y.Doc())
    return { board, ratings }
  })
  const syncAll = () => {
    for (let round = 0; round < 2; round++) {
      for (let i = 1; i < people.length; i++) sync(people[0]!.board, people[i]!.board)
    }
  }
  /** What every screen does once the round is closed: markers, then ratings where enough people rated. */
  const close = () => {
    for (const person of people) person.ratings.publishMarkers(person.board)
    syncAll()
    for (const person of people) person.ratings.publishRatings(person.board, K)
    syncAll()
  }
  return { people, syncAll, close }
}

/** Every value written into the board's emotions, by anyone. */
const entriesOf = (board: Y.Doc) => Array.from(emotionsOf(board).values()) as Array<Record<string, unknown>>

describe('the emotion curve', () => {
  it('keeps ratings off the shared document until the round closes', () => {
    const { people, syncAll } = room(3)
    people.forEach((person, i) => person.ratings.rate('onboard', i - 1))
    syncAll()
    expect(emotionsOf(people[0]!.board).size).toBe(0)
    expect(people[2]!.ratings.getSnapshot().ratings).toEqual({ onboard: 1 })
  })

  it('publishes a stage’s ratings only when at least k people rated it; below k, no rating is in any document', () => {
    const { people, close } = room(5)
    const onboard = [-2, -1, -1, 0, 2]
    people.forEach((person, i) => person.ratings.rate('onboard', onboard[i]!))
    // Two people rated Exit: fewer than k.
    people[0]!.ratings.rate('exit', -2)
    people[1]!.ratings.rate('exit', 2)
    close()

    for (const { board } of people) {
      const entries = entriesOf(board)
      expect(entries.filter((entry) => entry.kind === 'rating' && entry.stageId === 'exit')).toEqual([])
      expect(entries.filter((entry) => entry.kind === 'rated' && entry.stageId === 'exit')).toHaveLength(2)
      const [onboardResult, exitResult] = emotionCurve(readPublishedEmotions(board), ['onboard', 'exit'], K)
      expect(onboardResult).toEqual({ stageId: 'onboard', raters: 5, median: -1, spread: { low: -1, high: 0 } })
      expect(exitResult).toEqual({ stageId: 'exit', raters: 0, median: null, spread: null })
    }
  })

  it('never publishes or shows a stage rated by two, whatever minimum the document asks for', () => {
    const { people, syncAll } = room(2)
    people[0]!.ratings.rate('exit', -2)
    people[1]!.ratings.rate('exit', 2)
    for (const person of people) person.ratings.publishMarkers(person.board)
    syncAll()
    // A faulty or careless setting of 1: each of the two would learn the other's rating.
    for (const person of people) expect(person.ratings.publishRatings(person.board, 1)).toBe(0)
    syncAll()
    expect(entriesOf(people[0]!.board).filter((entry) => entry.kind === 'rating')).toEqual([])
    const board = new Y.Doc()
    emotionsOf(board).set('a', { kind: 'rating', stageId: 'exit', rating: -2 })
    emotionsOf(board).set('b', { kind: 'rating', stageId: 'exit', rating: 2 })
    expect(emotionCurve(readPublishedEmotions(board), ['exit'], 1)).toEqual([{ stageId: 'exit', raters: 2, median: null, spread: null }])
  })

  it('writes every marker and rating under a client id no one in the room uses', () => {
    const { people, close } = room(3)
    people.forEach((person, i) => person.ratings.rate('retain', i))
    close()
    const board = people[0]!.board
    const writers = new Set<number>()
    emotionsOf(board)._map.forEach((item) => writers.add(item.id.client))
    for (const person of people) expect(writers.has(person.board.clientID)).toBe(false)
    // Six entries (three markers, three ratings), each its own writer: none can be grouped.
    expect(writers.size).toBe(6)
  })

  it('a rating changed after the round was reopened replaces the first one', () => {
    const { people, close } = room(3)
    people.forEach((person) => person.ratings.rate('develop', 0))
    close()
    people[0]!.ratings.rate('develop', 2)
    close()
    const ratings = entriesOf(people[1]!.board).filter((entry) => entry.kind === 'rating').map((entry) => entry.rating)
    expect(ratings.sort()).toEqual([0, 0, 2])
  })

  it('counts nothing of a malformed entry from a peer, and refuses ratings off the scale', () => {
    const board = new Y.Doc()
    emotionsOf(board).set('x', { kind: 'rating', stageId: 'exit', rating: 7 })
    emotionsOf(board).set('y', 'not an entry')
    emotionsOf(board).set('z', { kind: 'rated', stageId: 42 })
    const published = readPublishedEmotions(board)
    expect(published.ratings.size).toBe(0)
    expect(published.raters.size).toBe(0)
    const ratings = createEmotionRatings(new Y.Doc())
    ratings.rate('exit', 3)
    ratings.rate('exit', 1.5)
    expect(ratings.getSnapshot().ratings).toEqual({})
  })
})
