import { describe, expect, it } from 'vitest'
import { mergeSequences, mergeWritingEntry } from '../../../shared/sharedWriting'

const mergeText = (base: string, theirs: string, mine: string) =>
  mergeSequences(Array.from(base), Array.from(theirs), Array.from(mine)).join('')

describe('merging what a group writes together', () => {
  it('keeps both people’s words when they type in one sentence at once', () => {
    expect(mergeText('We listen.', 'We all listen.', 'We listen first.')).toBe('We all listen first.')
    // Both at the same spot: both kept, this side's first.
    expect(mergeText('We listen.', 'We listen, always.', 'We listen, first.')).toContain('first')
    expect(mergeText('We listen.', 'We listen, always.', 'We listen, first.')).toContain('always')
  })

  it('takes a change both sides already have once (the host’s write of this laptop’s own words)', () => {
    expect(mergeText('We listen.', 'We listen first.', 'We listen first, then act.')).toBe('We listen first, then act.')
    expect(mergeText('', 'Trust', 'Trust')).toBe('Trust')
  })

  it('never splits an emoji', () => {
    expect(mergeText('Go 🚀', 'Go 🚀 now', 'Let us go 🚀')).toBe('Let us go 🚀 now')
  })

  it('merges lists item by item', () => {
    expect(mergeSequences(['Listen'], ['Listen', 'Admit mistakes'], ['Listen', 'Speak up'])).toEqual(['Listen', 'Speak up', 'Admit mistakes'])
  })

  it('takes a plain field from the side that changed it, and a deletion over edits', () => {
    const base = { name: 'Trust', order: 'a0', definition: { text: 'We trust.' } }
    const theirs = { name: 'Trust', order: 'a1', definition: { text: 'We trust each other.' } }
    const mine = { name: 'Honest trust', order: 'a0', definition: { text: 'We trust.' } }
    expect(mergeWritingEntry(base, theirs, mine)).toEqual({ name: 'Honest trust', order: 'a1', definition: { text: 'We trust each other.' } })
    expect(mergeWritingEntry(base, null, mine)).toBeNull()
    expect(mergeWritingEntry(base, theirs, null)).toBeNull()
    // New on this side: as it is.
    expect(mergeWritingEntry(null, null, mine)).toEqual(mine)
  })
})
