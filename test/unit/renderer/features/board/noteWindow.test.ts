import { describe, expect, it } from 'vitest'
import { noteWindow, type WindowEntry, type WindowInput } from '../../../../../renderer/src/features/board/noteWindow'

// A hundred notes 50 px tall with 10 px between them: note i spans [60 i, 60 i + 50].
const ids = Array.from({ length: 100 }, (_, i) => `n${i}`)
const input = (overrides: Partial<WindowInput> = {}): WindowInput => ({
  noteIds: ids,
  heightOf: () => 50,
  gap: 10,
  from: 0,
  to: 290,
  pinned: new Set(),
  ...overrides
})
const mountedIds = (entries: WindowEntry[]) => entries.flatMap((entry) => (entry.type === 'note' ? [entry.id] : []))
/** The list's height as laid out: entries in a column with `gap` between neighbours. */
const laidOutHeight = (entries: WindowEntry[], heightOf: (id: string) => number, gap: number) =>
  entries.reduce((sum, entry) => sum + (entry.type === 'gap' ? entry.height : heightOf(entry.id)), 0) + gap * (entries.length - 1)

describe('noteWindow', () => {
  it('mounts the notes that reach into the range, and one gap for the rest', () => {
    const entries = noteWindow(input())
    expect(mountedIds(entries)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4'])
    expect(entries.at(-1)).toEqual({ type: 'gap', key: 'gap-at-end', height: 95 * 50 + 94 * 10 })
  })

  it('stands in for the notes above and below the range, keeping the list as tall as all its notes', () => {
    const entries = noteWindow(input({ from: 3000, to: 3200 }))
    expect(mountedIds(entries)).toEqual(['n50', 'n51', 'n52', 'n53'])
    expect(entries[0]).toEqual({ type: 'gap', key: 'gap-before-n50', height: 50 * 50 + 49 * 10 })
    expect(laidOutHeight(entries, () => 50, 10)).toBe(100 * 50 + 99 * 10)
  })

  it('keeps pinned notes mounted wherever they are, with their notes numbered in the whole column', () => {
    const entries = noteWindow(input({ from: 3000, to: 3200, pinned: new Set(['n2', 'n99']) }))
    expect(mountedIds(entries)).toEqual(['n2', 'n50', 'n51', 'n52', 'n53', 'n99'])
    expect(entries.find((entry) => entry.type === 'note' && entry.id === 'n99')).toEqual({ type: 'note', id: 'n99', index: 99 })
    expect(entries.filter((entry) => entry.type === 'gap')).toHaveLength(3)
    expect(laidOutHeight(entries, () => 50, 10)).toBe(100 * 50 + 99 * 10)
  })

  it('uses each note’s own height', () => {
    const heightOf = (id: string) => (id === 'n0' ? 500 : 50)
    expect(mountedIds(noteWindow(input({ heightOf, from: 0, to: 550 })))).toEqual(['n0', 'n1'])
    // n1 starts at 510, so n12 spans [1170, 1220]: the first to reach 1200.
    const entries = noteWindow(input({ heightOf, from: 1200, to: 1300 }))
    expect(entries[0]).toEqual({ type: 'gap', key: 'gap-before-n12', height: 500 + 11 * 50 + 11 * 10 })
    expect(laidOutHeight(entries, heightOf, 10)).toBe(500 + 99 * 50 + 99 * 10)
  })

  it('mounts every note of a short column, and nothing of an empty one', () => {
    expect(mountedIds(noteWindow(input({ noteIds: ['a', 'b'] })))).toEqual(['a', 'b'])
    expect(noteWindow(input({ noteIds: [] }))).toEqual([])
  })
})
