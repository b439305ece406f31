import { describe, expect, it } from 'vitest'
import { readJoinAnswer } from '../../../../../renderer/src/features/join/joinCheck'

describe('readJoinAnswer', () => {
  it('passes on a welcome and a refusal as the session wrote them', () => {
    const welcome = { ok: true, title: 'Values offsite', room: 'workshop-1-ab', ticket: 't', hostKey: 'k' }
    expect(readJoinAnswer(welcome)).toEqual(welcome)
    expect(readJoinAnswer({ ok: false, error: 'That code is not right.' })).toEqual({ ok: false, error: 'That code is not right.' })
  })

  it('tells a session that has ended from a refusal', () => {
    const ended = { ok: false, ended: true, error: 'This session has ended.' }
    expect(readJoinAnswer(ended)).toEqual({ ok: false, ended: true, error: 'This session has ended.' })
    expect(readJoinAnswer({ ok: false, ended: 'yes', error: 'Nope.' })).toEqual({ ok: false, error: 'Nope.' })
  })

  it('keeps only the fields it knows', () => {
    expect(readJoinAnswer({ ok: true, title: 'T', room: 'r', ticket: 't', hostKey: 'k', extra: '<script>' })).toEqual({
      ok: true,
      title: 'T',
      room: 'r',
      ticket: 't',
      hostKey: 'k'
    })
  })

  it('turns anything else into a message a participant can act on', () => {
    for (const body of [null, 'Not found.', { error: 'Not found.' }, { ok: true, title: 'T' }, { ok: false, error: 42 }]) {
      const answer = readJoinAnswer(body)
      expect(answer.ok).toBe(false)
      if (!answer.ok) expect(answer.error).toMatch(/Ask the facilitator for the current link/)
    }
  })
})
