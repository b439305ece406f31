import { describe, expect, it } from 'vitest'
import { parseValuesRecord, VALUES_RECORD_LIMITS } from '../../../shared/valuesRecord'
import { twelveValueRecord } from '../../exports/valuesFixtures'

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
      v: 2,
      title: '',
      values: [{ ...record.values[0]!, consensus: { scores: [1, 2, 3], voters: 6, average: 7, flagged: false } }],
      votes: { ...record.votes, ranking: [{ cluster: 'x', dots: -1 }] }
    }
    expect(problems(broken)).toBe(
      'v expected 1; title a title cannot be empty; values.0.consensus.scores must count each of 0 to 5 fingers; ' +
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
