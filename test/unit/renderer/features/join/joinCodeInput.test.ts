import { describe, expect, it } from 'vitest'
import { formatJoinCode } from '../../../../../shared/joinCode'
import { readTypedCode } from '../../../../../renderer/src/features/join/joinCodeInput'

describe('readTypedCode', () => {
  it('takes the code however it was typed: case, spaces and the dash do not matter', () => {
    for (const typed of ['K7QM4X', 'k7q-m4x', ' K7Q M4X ', 'k7qm4x\n']) {
      expect(readTypedCode(typed)).toEqual({ ok: true, code: 'K7QM4X' })
    }
  })

  it('reads back what the facilitator’s screen shows', () => {
    expect(formatJoinCode('K7QM4X')).toBe('K7Q-M4X')
    expect(readTypedCode(formatJoinCode('K7QM4X'))).toEqual({ ok: true, code: 'K7QM4X' })
  })

  it('catches a typo before asking the session, saying what to fix', () => {
    expect(readTypedCode('')).toEqual({ ok: false, problem: 'Type the join code shown on the facilitator’s screen.' })
    expect(readTypedCode('K7Q-M4')).toMatchObject({ ok: false, problem: expect.stringContaining('6 characters') })
    expect(readTypedCode('K7Q-M4XX')).toMatchObject({ ok: false, problem: expect.stringContaining('6 characters') })
    // O and 0 look alike, so codes use neither.
    expect(readTypedCode('K7Q-M0X')).toMatchObject({ ok: false, problem: expect.stringContaining('never O, 0, I, 1 or L') })
    expect(readTypedCode('K7Q?M4X')).toMatchObject({ ok: false })
  })
})
