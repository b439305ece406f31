import { describe, expect, it } from 'vitest'
import { hashFor, parseRoute } from '../../../renderer/src/routes'

describe('routes', () => {
  it('reads the library and a workshop board from the hash', () => {
    expect(parseRoute('')).toEqual({ screen: 'library' })
    expect(parseRoute('#/')).toEqual({ screen: 'library' })
    expect(parseRoute('#/workshop/3637bb5c-325b')).toEqual({ screen: 'board', workshopId: '3637bb5c-325b' })
  })

  it('sends anything else to the library', () => {
    expect(parseRoute('#/workshop/')).toEqual({ screen: 'library' })
    expect(parseRoute('#/elsewhere')).toEqual({ screen: 'library' })
    expect(parseRoute('#/workshop/%E0%A4%A')).toEqual({ screen: 'library' })
  })

  it('writes hashes that read back as the same route', () => {
    for (const route of [{ screen: 'library' } as const, { screen: 'board', workshopId: 'a b/c' } as const]) {
      expect(parseRoute(hashFor(route))).toEqual(route)
    }
  })
})
