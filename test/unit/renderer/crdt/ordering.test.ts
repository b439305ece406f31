import { describe, expect, it } from 'vitest'
import { compareOrdered, initialOrders, insertionIndex, placeAt, type Ordered } from '../../../../renderer/src/crdt/ordering'

const list = (...entries: Array<[string, string]>): Ordered[] => entries.map(([id, order]) => ({ id, order }))

describe('compareOrdered', () => {
  it('sorts by order key, then by id when two peers chose the same key', () => {
    const sorted = list(['b', 'a1'], ['c', 'a0'], ['a', 'a1']).sort(compareOrdered)
    expect(sorted.map((item) => item.id)).toEqual(['c', 'a', 'b'])
  })

  it('compares keys by code unit, not by locale', () => {
    expect(compareOrdered({ id: 'x', order: 'Zz' }, { id: 'y', order: 'a0' })).toBeLessThan(0)
  })
})

describe('insertionIndex', () => {
  const siblings = list(['a', 'a0'], ['b', 'a1'], ['c', 'a2'])

  it('lands right after the note dropped above it', () => {
    expect(insertionIndex(siblings, 'a', 'b')).toBe(1)
    expect(insertionIndex(siblings, 'c', null)).toBe(3)
  })

  it('lands right before the note below it when the one above is gone', () => {
    expect(insertionIndex(siblings, 'deleted', 'c')).toBe(2)
  })

  it('goes first when dropped at the top, last when both neighbours are gone or absent', () => {
    expect(insertionIndex(siblings, null, 'gone')).toBe(0)
    expect(insertionIndex(siblings, null, 'a')).toBe(0)
    expect(insertionIndex(siblings, 'gone', 'also-gone')).toBe(3)
    expect(insertionIndex([], null, null)).toBe(0)
  })
})

describe('placeAt', () => {
  it('makes a key strictly between its neighbours and leaves them alone', () => {
    const siblings = list(['a', 'a0'], ['b', 'a1'])
    for (const index of [0, 1, 2]) {
      const { order, rekeyed } = placeAt(siblings, index)
      expect(rekeyed).toEqual([])
      if (index > 0) expect(order > siblings[index - 1]!.order).toBe(true)
      if (index < siblings.length) expect(order < siblings[index]!.order).toBe(true)
    }
  })

  it('makes room between two notes that share a key, keeping everyone in order', () => {
    const siblings = list(['a', 'a0'], ['b', 'a1'], ['c', 'a1'], ['d', 'a1'], ['e', 'a2'])
    const { order, rekeyed } = placeAt(siblings, 2)
    expect(rekeyed.map((item) => item.id)).toEqual(['c', 'd'])
    const after = siblings.map((item) => rekeyed.find((r) => r.id === item.id) ?? item)
    after.splice(2, 0, { id: 'new', order })
    const resorted = [...after].sort(compareOrdered)
    expect(resorted.map((item) => item.id)).toEqual(['a', 'b', 'new', 'c', 'd', 'e'])
  })

  it('renumbers a column holding keys that are not fractional indexes instead of failing', () => {
    const siblings = list(['a', ''], ['b', 'not a key'], ['c', 'zzz'])
    const { order, rekeyed } = placeAt(siblings, 1)
    const placed = [...rekeyed, { id: 'new', order }].sort(compareOrdered)
    expect(placed.map((item) => item.id)).toEqual(['a', 'new', 'b', 'c'])
  })

  it('gives a template distinct ascending keys', () => {
    const keys = initialOrders(6)
    expect(new Set(keys).size).toBe(6)
    expect([...keys].sort()).toEqual(keys)
  })
})
