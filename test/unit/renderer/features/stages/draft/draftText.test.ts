import { describe, expect, it } from 'vitest'
import { MAX_VALUES } from '../../../../../../renderer/src/crdt/values'
import {
  announce,
  displayName,
  listEditMessage,
  mergeProblem,
  seedButtonLabel,
  seedCount
} from '../../../../../../renderer/src/features/stages/draft/draftText'

const result = (changes: Partial<{ changed: boolean; truncated: boolean; refused: 'blank' | 'duplicate' | 'full' | 'missing' | null }>) => ({
  changed: false,
  truncated: false,
  refused: null,
  ...changes
})

describe('draft stage words', () => {
  it('reads the number of clusters to seed within bounds', () => {
    expect(seedCount('3', 10)).toBe(3)
    expect(seedCount('0', 10)).toBe(1)
    expect(seedCount('-4', 10)).toBe(1)
    expect(seedCount('12', 4)).toBe(4)
    expect(seedCount('', 10)).toBe(5)
    expect(seedCount('abc', 2)).toBe(2)
    expect(seedCount('500', 500)).toBe(MAX_VALUES)
    expect(seedButtonLabel(1)).toBe('Create a candidate from the top cluster')
    expect(seedButtonLabel(4)).toBe('Create candidates from the top 4 clusters')
  })

  it('says why an item was not added or saved, and nothing when all went well', () => {
    expect(listEditMessage('weDo', result({ changed: true }))).toBe('')
    expect(listEditMessage('weDo', result({ refused: 'duplicate' }))).toBe('That “we do” behaviour is already on the list.')
    expect(listEditMessage('weDont', result({ refused: 'full' }))).toBe(
      'A value holds up to 20 “we don’t” behaviours. Remove one to add another.'
    )
    expect(listEditMessage('examples', result({ refused: 'full' }))).toBe('A value holds up to 10 example stories. Remove one to add another.')
    expect(listEditMessage('examples', result({ changed: true, truncated: true }))).toBe(
      'An example story holds up to 1000 characters; the rest was left out.'
    )
    expect(listEditMessage('weDo', result({ refused: 'blank' }))).toBe('Write the “we do” behaviour first.')
    expect(mergeProblem(result({ changed: true }))).toBe('')
    expect(mergeProblem(result({ refused: 'full' }))).toContain('nothing was merged')
  })

  it('names nameless values and announces moves and merges', () => {
    expect(displayName('  ')).toBe('Untitled value')
    expect(announce.moved('Respect', 2, 5)).toBe('Respect moved to position 2 of 5.')
    expect(announce.merged('Service', 'Customer obsessed', true)).toContain('the end was left out')
  })
})
