import { describe, expect, it } from 'vitest'
import { mergeSequences, mergeWork, mergeWritingEntry, PATCH_MERGE_CELLS } from '../../../shared/sharedWriting'

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

  it('diffs only what changed: two people at the two ends of a long text cost next to nothing', () => {
    const middle = 'We recognise every success at the Monday stand-up. '.repeat(40)
    const work = mergeWork()
    expect(mergeSequences(Array.from(middle), Array.from(`Always: ${middle}`), Array.from(`${middle}And we say thanks.`), work).join('')).toBe(
      `Always: ${middle}And we say thanks.`
    )
    expect(work.cells).toBeLessThan(1_000)
  })

  it('stops diffing finely once a patch has spent its share, and still gives a merge', () => {
    const random = (length: number) => Array.from({ length }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26)))
    const work = mergeWork()
    for (let field = 0; field < 40; field++) {
      const merged = mergeSequences(random(900), random(900), random(900), work)
      expect(merged.length).toBeGreaterThan(0)
    }
    // Each 900 × 900 stretch is 810,000 cells; past the patch's share they are replaced whole.
    expect(work.cells).toBeLessThanOrEqual(PATCH_MERGE_CELLS + 40 * 2 * 1_800)
  })
})

