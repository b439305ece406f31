import { describe, expect, it } from 'vitest'
import {
  consensusResults,
  decideTies,
  isTied,
  rankClusters,
  readTieDecisions,
  tiedRanks,
  tiesOf,
  topPlaces,
  validDots,
  type RankedCluster
} from '../../../shared/ballots'

const clusters = [
  { id: 'c1', title: 'Integrity' },
  { id: 'c2', title: 'Customer obsessed' },
  { id: 'c3', title: 'Ownership' }
]
const ballot = (marks: Record<string, unknown>) => ({ v: 1, marks })

describe('the dot vote count', () => {
  it('ranks clusters by dots, ties in board order, and counts the voters', () => {
    const { voters, ranking } = rankClusters(
      [ballot({ c2: 2, c3: 1 }), ballot({ c3: 3 }), ballot({ c1: 1, c2: 1 })],
      clusters,
      { budget: 3, multipleDots: true }
    )
    expect(voters).toBe(3)
    expect(ranking).toEqual([
      { clusterId: 'c3', name: 'Ownership', dots: 4 },
      { clusterId: 'c2', name: 'Customer obsessed', dots: 3 },
      { clusterId: 'c1', name: 'Integrity', dots: 1 }
    ])
  })

  it('leaves out whole any ballot that breaks the rules', () => {
    const rules = { budget: 3, multipleDots: false }
    const ids = new Set(['c1', 'c2', 'c3'])
    expect(validDots(ballot({ c1: 2 }), rules, ids)).toBeNull()
    expect(validDots(ballot({ c1: 1, c2: 1, c3: 1, c4: 1 }), rules, ids)).toBeNull()
    expect(validDots(ballot({ c1: -1 }), rules, ids)).toBeNull()
    expect(validDots(ballot({ c1: 0.5 }), rules, ids)).toBeNull()
    expect(validDots('three dots', rules, ids)).toBeNull()
    expect(validDots({ marks: [1, 2] }, rules, ids)).toBeNull()
    expect(validDots(ballot({ c1: 1, gone: 1 }), rules, ids)).toEqual({ c1: 1 })
    const { voters } = rankClusters([ballot({ c1: 2 }), null, ballot({ c2: 1 })], clusters, rules)
    expect(voters).toBe(1)
  })
})

describe('the consensus check', () => {
  const rule = { threshold: 3, minGroup: 3 }

  it('gives each value its histogram and average, flagging one below the threshold', () => {
    const results = consensusResults(
      [ballot({ v1: 5, v2: 1 }), ballot({ v1: 4, v2: 2 }), ballot({ v1: 3, v2: 3 })],
      ['v1', 'v2'],
      rule
    )
    expect(results.v1).toEqual({ scores: [0, 0, 0, 1, 1, 1], voters: 3, average: 4, flagged: false })
    expect(results.v2).toEqual({ scores: [0, 1, 1, 1, 0, 0], voters: 3, average: 2, flagged: true })
  })

  it('shows no aggregate with fewer than the minimum group, so no one can be singled out', () => {
    const results = consensusResults([ballot({ v1: 0 }), ballot({ v1: 5 })], ['v1'], rule)
    expect(results.v1).toEqual({ scores: [0, 0, 0, 0, 0, 0], voters: 2, average: null, flagged: false })
  })

  it('ignores scores outside 0–5 and values that do not exist', () => {
    const results = consensusResults([ballot({ v1: 6 }), ballot({ v1: 4, nope: 2 }), ballot({ v1: 2 }), ballot({ v1: 3 })], ['v1'], {
      threshold: 3,
      minGroup: 3
    })
    expect(results.v1!.voters).toBe(3)
    expect(results.v1!.average).toBe(3)
  })

  it('never shows a result from fewer than three people, whatever the rule says', () => {
    const two = consensusResults([ballot({ v1: 5 }), ballot({ v1: 1 })], ['v1'], { threshold: 3, minGroup: 1 })
    expect(two.v1).toMatchObject({ voters: 2, average: null, flagged: false })
    expect(two.v1!.scores.every((count) => count === 0)).toBe(true)
  })
})

describe('tied ranks', () => {
  it('gives tied places the same rank, and the next place its position', () => {
    expect(tiedRanks([4, 4, 4, 2])).toEqual([1, 1, 1, 4])
    expect(tiedRanks([5, 3, 3, 1, 1])).toEqual([1, 2, 2, 4, 4])
    expect(tiedRanks([3, 2, 1])).toEqual([1, 2, 3])
    expect(tiedRanks([])).toEqual([])
  })

  it('says which places are tied', () => {
    const dots = [5, 3, 3, 1]
    expect(dots.map((_, index) => isTied(dots, index))).toEqual([false, true, true, false])
  })
})

describe("the facilitator's tie decisions", () => {
  // 5 / 3 / 3 / 3 / 1 dots: a tie of three for second place.
  const ranking: RankedCluster[] = [
    { clusterId: 'a', name: 'Integrity', dots: 5 },
    { clusterId: 'b', name: 'Ownership', dots: 3 },
    { clusterId: 'c', name: 'Respect', dots: 3 },
    { clusterId: 'd', name: 'Curiosity', dots: 3 },
    { clusterId: 'e', name: 'Courage', dots: 1 }
  ]
  const ids = (places: ReadonlyArray<{ clusterId: string }>) => places.map((place) => place.clusterId)

  it('leaves a tie undecided and shared until the facilitator decides', () => {
    const places = decideTies(ranking, [])
    expect(places.map((place) => [place.clusterId, place.rank, place.tie])).toEqual([
      ['a', 1, 'none'],
      ['b', 2, 'undecided'],
      ['c', 2, 'undecided'],
      ['d', 2, 'undecided'],
      ['e', 5, 'none']
    ])
    expect(tiesOf(places).map(ids)).toEqual([['b', 'c', 'd']])
  })

  it("breaks a tie into the facilitator's order, each with a rank of its own", () => {
    const places = decideTies(ranking, [{ optionIds: ['d', 'b', 'c'], kept: false }])
    expect(places.map((place) => [place.clusterId, place.rank, place.tie])).toEqual([
      ['a', 1, 'none'],
      ['d', 2, 'broken'],
      ['b', 3, 'broken'],
      ['c', 4, 'broken'],
      ['e', 5, 'none']
    ])
    // Still a tie of the vote, for every screen to say who broke it.
    expect(tiesOf(places).map(ids)).toEqual([['d', 'b', 'c']])
    expect(ids(topPlaces(places, 2).places)).toEqual(['a', 'd'])
  })

  it('takes a kept tie whole when the cut goes through it', () => {
    const places = decideTies(ranking, [{ optionIds: ['c', 'b', 'd'], kept: true }])
    expect(places.every((place) => place.tie !== 'undecided')).toBe(true)
    expect(ids(places)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(topPlaces(places, 2)).toEqual({ places: places.slice(0, 4), undecidedTie: null })
    expect(topPlaces(places, 4).places).toHaveLength(4)
  })

  it('names an undecided tie that the cut goes through, and none that it does not', () => {
    const places = decideTies(ranking, [])
    expect(topPlaces(places, 3)).toEqual({ places: places.slice(0, 3), undecidedTie: places.slice(1, 4) })
    expect(topPlaces(places, 1)).toEqual({ places: places.slice(0, 1), undecidedTie: null })
    expect(topPlaces(places, 4)).toEqual({ places: places.slice(0, 4), undecidedTie: null })
  })

  it('applies a decision only while exactly those options tie', () => {
    // After a re-vote Courage joins the tie: the decision on three no longer says anything about four.
    const revote = ranking.map((place) => (place.clusterId === 'e' ? { ...place, dots: 3 } : place))
    const places = decideTies(revote, [{ optionIds: ['d', 'b', 'c'], kept: false }])
    expect(places.slice(1).map((place) => [place.rank, place.tie])).toEqual([
      [2, 'undecided'],
      [2, 'undecided'],
      [2, 'undecided'],
      [2, 'undecided']
    ])
  })

  it('reads only well-formed decisions from the document', () => {
    expect(
      readTieDecisions([
        { optionIds: ['b', 'c'], kept: false },
        { optionIds: ['b'], kept: true },
        { optionIds: ['b', 'b'], kept: true },
        { optionIds: ['b', 7], kept: true },
        { optionIds: ['b', 'c'], kept: 'yes' },
        null
      ])
    ).toEqual([{ optionIds: ['b', 'c'], kept: false }])
    expect(readTieDecisions('not a list')).toEqual([])
  })
})
