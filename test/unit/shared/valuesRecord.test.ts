import { describe, expect, it } from 'vitest'
import { finalizedValuesSchema, parseValuesRecord, teamNotesOf, VALUES_RECORD_LIMITS, votePlacesOf } from '../../../shared/valuesRecord'
import { finalized, hashOf, threeWayTie, twelveValueRecord, versionOneRecord, versionTwoRecord, withRanking } from '../../exports/valuesFixtures'

const problems = (value: unknown) => {
  const result = parseValuesRecord(value)
  return result.ok ? null : result.problems
}

describe('parseValuesRecord', () => {
  it('accepts a complete record and drops fields it does not know', () => {
    const record = twelveValueRecord()
    const result = parseValuesRecord({ ...record, surprise: 'dropped' })
    expect(result).toEqual({ ok: true, record })
  })

  it('accepts an anonymous record without names, and a withheld consensus', () => {
    const record = twelveValueRecord()
    const anonymous = {
      ...record,
      anonymous: true,
      participants: { count: 9, names: null },
      values: [{ ...record.values[0]!, consensus: { scores: [0, 0, 0, 1, 1, 0], voters: 2, average: null, flagged: false } }]
    }
    expect(problems(anonymous)).toBeNull()
  })

  it('names every field that is wrong', () => {
    const record = twelveValueRecord()
    const broken = {
      ...record,
      v: 4,
      title: '',
      values: [{ ...record.values[0]!, consensus: { scores: [1, 2, 3], voters: 6, average: 7, flagged: false } }],
      votes: { ...record.votes, ranking: [{ cluster: 'x', dots: -1, rank: 1, tie: 'none' }] }
    }
    expect(problems(broken)).toBe(
      'v expected 3; title a title cannot be empty; values.0.consensus.scores must count each of 0 to 5 fingers; ' +
        'values.0.consensus.average Too big: expected number to be <=5; votes.ranking.0.dots Too small: expected number to be >=0'
    )
    expect(problems('a string')).toBe('the record expected object, received string')
  })

  it('bounds every list and every text, so a record cannot grow without limit', () => {
    const record = twelveValueRecord()
    const value = record.values[0]!
    const tooMany = Array.from({ length: VALUES_RECORD_LIMITS.values + 1 }, () => value)
    expect(problems({ ...record, values: tooMany })).toBe(`values at most ${VALUES_RECORD_LIMITS.values} values`)
    expect(problems({ ...record, values: [{ ...value, weDont: Array(VALUES_RECORD_LIMITS.itemsPerList + 1).fill('x') }] })).toBe(
      `values.0.weDont at most ${VALUES_RECORD_LIMITS.itemsPerList} “we don’t” behaviours`
    )
    expect(problems({ ...record, values: [{ ...value, definition: 'x'.repeat(VALUES_RECORD_LIMITS.definition + 1) }] })).toBe(
      `values.0.definition a definition can be at most ${VALUES_RECORD_LIMITS.definition} characters`
    )
  })
})

describe('records finalized before notes were kept (version 1)', () => {
  it('are refused for a new finalize, which must keep the notes', () => {
    expect(problems(versionOneRecord())).toMatch(/^v expected 3; .*clusters expected array, received undefined; unsortedNotes expected array, received undefined/)
  })

  it('still load as stored, unchanged, so the hash computed over them then still checks', () => {
    const stored = finalized(versionOneRecord())
    const loaded = finalizedValuesSchema.parse(JSON.parse(JSON.stringify(stored)))
    expect(loaded).toEqual(stored)
    const { contentHash, ...hashed } = loaded
    expect(hashOf(hashed)).toBe(contentHash)
  })

  it('say that no notes were kept, where a version-2 record gives its own', () => {
    expect(teamNotesOf(versionOneRecord())).toBeNull()
    const current = twelveValueRecord()
    expect(teamNotesOf(current)).toEqual({ clusters: current.clusters, unsortedNotes: current.unsortedNotes })
  })
})

describe('records finalized before tie decisions were kept (version 2)', () => {
  it('are refused for a new finalize, which must rank each place with its tie', () => {
    expect(problems(versionTwoRecord())).toMatch(/^v expected 3; votes\.ranking\.0\.rank/)
  })

  it('still load as stored, unchanged, so the hash computed over them then still checks', () => {
    const stored = finalized(versionTwoRecord(threeWayTie('kept')))
    const loaded = finalizedValuesSchema.parse(JSON.parse(JSON.stringify(stored)))
    expect(loaded).toEqual(stored)
    const { contentHash, ...hashed } = loaded
    expect(hashOf(hashed)).toBe(contentHash)
  })

  it('rank their places by the dots alone: a tie shares its rank and is undecided, as no decision was kept', () => {
    expect(votePlacesOf(versionTwoRecord(threeWayTie('broken')))).toEqual(threeWayTie('undecided'))
    expect(votePlacesOf(versionOneRecord())).toEqual(twelveValueRecord().votes.ranking)
  })
})

describe('the dot vote’s ties in a record', () => {
  it('are kept as the facilitator left them: a 4 / 4 / 4 tie kept or undecided shares rank 1, a broken one is in the facilitator’s order', () => {
    for (const tie of ['kept', 'undecided', 'broken'] as const) {
      const record = withRanking(threeWayTie(tie, ['Respect', 'Curiosity', 'Ownership']))
      expect(parseValuesRecord(record)).toEqual({ ok: true, record })
      expect(votePlacesOf(record)).toBe(record.votes.ranking)
    }
  })

  it('must say what the dots say, so no record ranks a place above one with more dots or hides a tie', () => {
    const kept = threeWayTie('kept')
    const broken = threeWayTie('broken')
    expect(problems(withRanking([kept[0]!, { ...kept[1]!, rank: 2 }, ...kept.slice(2)]))).toBe('votes.ranking.1.rank must be 1, as its tie makes it')
    expect(problems(withRanking([broken[0]!, { ...broken[1]!, rank: 1 }, ...broken.slice(2)]))).toBe('votes.ranking.1.rank must be 2, as its tie makes it')
    expect(problems(withRanking([{ ...kept[0]!, tie: 'none' }, ...kept.slice(1)]))).toContain(
      'votes.ranking.0.tie must be “none” exactly when no other place has as many dots'
    )
    expect(problems(withRanking([kept[0]!, { ...kept[1]!, tie: 'undecided' }, ...kept.slice(2)]))).toBe(
      'votes.ranking.1.tie must be decided as the rest of its tie'
    )
    expect(problems(withRanking([kept[3]!, ...kept.slice(0, 3)].map((place, index) => ({ ...place, rank: index + 1 }))))).toContain(
      'votes.ranking.1.dots must be at most the dots of the place above: most dots first'
    )
  })
})

describe('the notes a record keeps', () => {
  it('are bounded in all, however they are spread over clusters', () => {
    const record = twelveValueRecord()
    const half = Array(VALUES_RECORD_LIMITS.notes / 2).fill('a note')
    expect(problems({ ...record, clusters: [{ title: 'A', notes: half }], unsortedNotes: half })).toBeNull()
    expect(problems({ ...record, clusters: [{ title: 'A', notes: half }, { title: 'B', notes: ['one more'] }], unsortedNotes: half })).toBe(
      `clusters at most ${VALUES_RECORD_LIMITS.notes} notes in all (${VALUES_RECORD_LIMITS.notes + 1} given)`
    )
  })

  it('are text, never empty, within a sticky note’s length', () => {
    const record = twelveValueRecord()
    expect(problems({ ...record, unsortedNotes: [''] })).toBe('unsortedNotes.0 a note cannot be empty')
    expect(problems({ ...record, clusters: [{ title: 'A', notes: ['x'.repeat(VALUES_RECORD_LIMITS.noteText + 1)] }] })).toBe(
      `clusters.0.notes.0 a note can be at most ${VALUES_RECORD_LIMITS.noteText} characters`
    )
  })
})
