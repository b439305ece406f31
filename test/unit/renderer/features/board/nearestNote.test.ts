import { describe, expect, it } from 'vitest'
import { nearestNoteByCentre } from '../../../../../renderer/src/features/board/nearestNote'

// Ten notes 50 px tall with 10 px between them: centres at 25, 85, 145, …
const ids = Array.from({ length: 10 }, (_, i) => `n${i}`)
const rects = new Map(ids.map((id, i) => [id, { top: i * 60, height: 50 }]))
const card = (centre: number) => ({ top: centre - 25, height: 50 })

describe('nearestNoteByCentre', () => {
  it('finds the note whose centre is nearest the dragged card', () => {
    expect(nearestNoteByCentre(ids, (id) => rects.get(id), card(25))).toBe('n0')
    expect(nearestNoteByCentre(ids, (id) => rects.get(id), card(140))).toBe('n2')
    expect(nearestNoteByCentre(ids, (id) => rects.get(id), card(200))).toBe('n3')
    expect(nearestNoteByCentre(ids, (id) => rects.get(id), card(-500))).toBe('n0')
    expect(nearestNoteByCentre(ids, (id) => rects.get(id), card(5000))).toBe('n9')
  })

  it('reads only a handful of rects in a long column', () => {
    const long = Array.from({ length: 1_000 }, (_, i) => i)
    let reads = 0
    const found = nearestNoteByCentre(long, (i) => (reads++, { top: i * 60, height: 50 }), card(30_025))
    expect(found).toBe(500)
    expect(reads).toBeLessThan(20)
  })

  it('still finds the nearest note when one is not measured yet', () => {
    const gappy = (id: string) => (id === 'n4' ? undefined : rects.get(id))
    expect(nearestNoteByCentre(ids, gappy, card(330))).toBe('n5')
  })

  it('finds nothing in an empty column', () => {
    expect(nearestNoteByCentre([], () => undefined, card(0))).toBeUndefined()
  })
})
