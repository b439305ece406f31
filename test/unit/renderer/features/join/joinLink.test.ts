import { describe, expect, it } from 'vitest'
import { buildJoinLink } from '../../../../../renderer/src/features/join/joinLink'

describe('the link "Join a session" opens', () => {
  it('accepts host and port, or a whole link, with the code however it was typed', () => {
    expect(buildJoinLink('192.168.1.20:4321', 'k7q-m4x')).toEqual({ ok: true, url: 'http://192.168.1.20:4321/#/join/K7QM4X' })
    expect(buildJoinLink(' http://10.0.0.5:5000/#/join/ABCDEF ', '')).toEqual({ ok: true, url: 'http://10.0.0.5:5000/#/join/ABCDEF' })
    // A code typed by hand wins over an old one inside a pasted link.
    expect(buildJoinLink('http://10.0.0.5:5000/#/join/ABCDEF', 'GHJ KMN')).toEqual({ ok: true, url: 'http://10.0.0.5:5000/#/join/GHJKMN' })
  })

  it('keeps the host’s key that a pasted link carries, for the session’s page to check', () => {
    const key = 'Xf3kq9ZtP0vB2nLw8yRuHc4eJm7aSd1gQo5iTx6lKbE'
    expect(buildJoinLink(`http://10.0.0.5:5000/#/join/ABCDEF/${key}`, '')).toEqual({ ok: true, url: `http://10.0.0.5:5000/#/join/ABCDEF/${key}` })
    expect(buildJoinLink(`http://10.0.0.5:5000/#/join/ABCDEF/${key}`, 'GHJKMN')).toEqual({ ok: true, url: `http://10.0.0.5:5000/#/join/GHJKMN/${key}` })
  })

  it('explains what is missing or wrong', () => {
    expect(buildJoinLink('', 'ABCDEF')).toEqual({ ok: false, problem: expect.stringContaining('Type the address') })
    expect(buildJoinLink('http://', 'ABCDEF')).toEqual({ ok: false, problem: expect.stringContaining('is not an address') })
    expect(buildJoinLink('ftp://10.0.0.5', 'ABCDEF')).toEqual({ ok: false, problem: expect.stringContaining('starts with http://') })
    expect(buildJoinLink('10.0.0.5:5000', '')).toEqual({ ok: false, problem: expect.stringContaining('Type the join code') })
    expect(buildJoinLink('10.0.0.5:5000', 'ABC')).toEqual({ ok: false, problem: expect.stringContaining('6 characters') })
  })
})
