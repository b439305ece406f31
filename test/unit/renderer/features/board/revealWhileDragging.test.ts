import { describe, expect, it } from 'vitest'
import { revealDistance } from '../../../../../renderer/src/features/board/revealWhileDragging'

// A 375 px phone's map, and stages 290 px wide with 16 px between them, scrolled to the first.
const view = { left: 0, right: 375 }
const stage = (index: number, scrolled = 0) => ({ left: 24 + index * 306 - scrolled, right: 24 + index * 306 + 290 - scrolled })

describe('revealDistance', () => {
  it('brings the stage peeking in at the right edge wholly into view, and no further', () => {
    const distance = revealDistance(stage(1), view, 12)
    expect(distance).toBe(stage(1).right - (375 - 12))
    const after = stage(1, distance)
    expect(after.left).toBeGreaterThan(0)
    expect(after.right).toBe(375 - 12)
    // The stage after it is still mostly out of view: one over stays one over.
    expect(stage(2, distance).left).toBeGreaterThan(after.right)
  })

  it('leaves a stage already in view where it is', () => {
    expect(revealDistance(stage(0), view, 12)).toBe(0)
    expect(revealDistance(stage(1, 306), view, 12)).toBe(0)
  })

  it('scrolls back to a stage peeking in at the left edge', () => {
    const distance = revealDistance(stage(0, 200), view, 12)
    expect(distance).toBeLessThan(0)
    expect(stage(0, 200 + distance).left).toBe(12)
  })

  it('aligns a column wider than the view by its left edge', () => {
    expect(revealDistance({ left: 100, right: 600 }, view, 12)).toBe(100 - 12)
  })
})
