import { describe, expect, it } from 'vitest'
import { itemKeys, preview } from '../../../../renderer/src/ui/listItems'

describe('list items on screen', () => {
  it('keys repeated items apart and keeps keys when an item above is removed', () => {
    expect(itemKeys(['Listen', 'Ask', 'Listen'])).toEqual(['0:Listen', '0:Ask', '1:Listen'])
    const before = itemKeys(['Listen', 'Ask', 'Credit others'])
    const after = itemKeys(['Ask', 'Credit others'])
    expect(after).toEqual(before.slice(1))
  })

  it('shortens long items to one line for buttons', () => {
    expect(preview(`  Call\nthe customer back ${'x'.repeat(100)}`)).toHaveLength(60)
    expect(preview('Short')).toBe('Short')
  })
})
