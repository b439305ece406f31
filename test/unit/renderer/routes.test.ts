import { describe, expect, it } from 'vitest'
import { hashFor, parseRoute, participantOnly, type Route } from '../../../renderer/src/routes'

describe('routes', () => {
  it('reads the library and a workshop board from the hash', () => {
    expect(parseRoute('')).toEqual({ screen: 'library' })
    expect(parseRoute('#/')).toEqual({ screen: 'library' })
    expect(parseRoute('#/workshop/3637bb5c-325b')).toEqual({ screen: 'board', workshopId: '3637bb5c-325b' })
  })

  it('reads the join form and a join link', () => {
    expect(parseRoute('#/join')).toEqual({ screen: 'join', code: null })
    expect(parseRoute('#/join/')).toEqual({ screen: 'join', code: null })
    expect(parseRoute('#/join/K7QM4X')).toEqual({ screen: 'join', code: 'K7QM4X' })
    expect(parseRoute('#/join/K7Q-M4X/')).toEqual({ screen: 'join', code: 'K7Q-M4X' })
  })

  it('reads the host’s key a join link carries after its code', () => {
    const hostKey = 'Xf3kq9ZtP0vB2nLw8yRuHc4eJm7aSd1gQo5iTx6lKbE'
    expect(parseRoute(`#/join/K7QM4X/${hostKey}`)).toEqual({ screen: 'join', code: 'K7QM4X', hostKey })
    expect(parseRoute(`#/join/K7QM4X/${hostKey}/`)).toEqual({ screen: 'join', code: 'K7QM4X', hostKey })
    expect(parseRoute(`#/join/K7QM4X/${hostKey.slice(1)}`)).toEqual({ screen: 'library' })
    expect(parseRoute(hashFor({ screen: 'join', code: 'K7QM4X', hostKey }))).toEqual({ screen: 'join', code: 'K7QM4X', hostKey })
  })

  it('sends anything else to the library', () => {
    expect(parseRoute('#/workshop/')).toEqual({ screen: 'library' })
    expect(parseRoute('#/elsewhere')).toEqual({ screen: 'library' })
    expect(parseRoute('#/workshop/%E0%A4%A')).toEqual({ screen: 'library' })
    expect(parseRoute('#/join/K7Q/M4X')).toEqual({ screen: 'library' })
  })

  it('keeps a page from a live session’s server on the participant’s face', () => {
    expect(participantOnly({ screen: 'library' })).toEqual({ screen: 'join', code: null })
    expect(participantOnly({ screen: 'board', workshopId: 'abc' })).toEqual({ screen: 'join', code: null })
    expect(participantOnly({ screen: 'join', code: 'K7QM4X' })).toEqual({ screen: 'join', code: 'K7QM4X' })
  })

  it('writes hashes that read back as the same route', () => {
    const routes: Route[] = [
      { screen: 'library' },
      { screen: 'board', workshopId: 'a b/c' },
      { screen: 'join', code: null },
      { screen: 'join', code: 'K7QM4X' }
    ]
    for (const route of routes) expect(parseRoute(hashFor(route))).toEqual(route)
  })
})
