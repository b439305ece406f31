import { describe, expect, it } from 'vitest'
import type { EditResult } from '../../../../../renderer/src/crdt/textLists'
import { announce, cellTooLong, listEditMessage, OUTCOMES_FULL_MESSAGE, outcomeName, textTooLong } from '../../../../../renderer/src/features/plan/planText'

const result = (changes: Partial<EditResult>): EditResult => ({ changed: false, truncated: false, refused: null, ...changes })

describe('program plan words', () => {
  it('says why an item was not added or was cut, in the list’s own words', () => {
    expect(listEditMessage('boundaries', result({ refused: 'full' }))).toBe('The plan holds up to 20 boundaries. Remove one to add another.')
    expect(listEditMessage('opportunities', result({ refused: 'duplicate' }))).toBe('That opportunity is already on the list.')
    expect(listEditMessage('behaviours', result({ refused: 'blank' }))).toBe('Write the behaviour first.')
    expect(listEditMessage('activities', result({ changed: true, truncated: true }))).toBe(
      'An activity holds up to 300 characters; the rest was left out.'
    )
    expect(listEditMessage('opportunities', result({ changed: true, truncated: true }))).toBe(
      'An opportunity holds up to 500 characters; the rest was left out.'
    )
    expect(listEditMessage('activities', result({ changed: true }))).toBe('')
  })

  it('says how long a text or a cell may be when a paste did not fit', () => {
    expect(textTooLong('recognition')).toBe('Recognition and sharing holds up to 2,000 characters; the rest was left out.')
    expect(textTooLong('programName')).toBe('Program name holds up to 120 characters; the rest was left out.')
    expect(cellTooLong('metric')).toBe('A metric holds up to 200 characters; the rest was left out.')
    expect(OUTCOMES_FULL_MESSAGE).toBe('The plan holds up to 20 measurable outcomes. Remove one to add another.')
  })

  it('names an outcome by its metric, or by its place while it has none', () => {
    expect(outcomeName('  Customer satisfaction\n(CSAT) ', 1)).toBe('“Customer satisfaction (CSAT)”')
    expect(outcomeName('', 3)).toBe('outcome 3')
    expect(announce.outcomeRemoved('', 3)).toBe('Removed outcome 3.')
    expect(announce.itemAdded('opportunities', 'Faster access to spare parts')).toBe('Added opportunity: Faster access to spare parts.')
  })
})
