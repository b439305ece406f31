import { describe, expect, it } from 'vitest'
import { finalizedValuesSchema, parseValuesRecord, teamNotesOf, VALUES_RECORD_LIMITS } from '../../../shared/valuesRecord'
import { finalized, hashOf, twelveValueRecord, versionOneRecord } from '../../exports/valuesFixtures'

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
      v: 3,
      title: '',
      values: [{ ...record.values[0]!, consensus: { scores: [1, 2, 3], voters: 6, average: 7, flagged: false } }],
      votes: { ...record.votes, ranking: [{ cluster: 'x', dots: -1 }] }
    }
    expect(problems(broken)).toBe(
      'v expected 2; title a title cannot be empty; values.0.consensus.scores must count each of 0 to 5 fingers; ' +
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
    expect(problems(versionOneRecord())).toBe('v expected 2; clusters expected array, received undefined; unsortedNotes expected array, received undefined')
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
