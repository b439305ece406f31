import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normalizeJoinCode } from '../../../../shared/joinCode'

export type TypedCode = { ok: true; code: string } | { ok: false; problem: string }

/**
 * Checks what a person typed before asking the session: a typo is caught here, at once,
 * and does not use up one of the few tries the session allows each laptop per minute.
 */
export function readTypedCode(typed: string): TypedCode {
  const code = normalizeJoinCode(typed)
  if (code === '') return { ok: false, problem: 'Type the join code shown on the facilitator’s screen.' }
  if ([...code].some((character) => !JOIN_CODE_ALPHABET.includes(character))) {
    return {
      ok: false,
      problem: 'Join codes use only letters and the digits 2 to 9, never O, 0, I, 1 or L. Check the code on the facilitator’s screen.'
    }
  }
  if (code.length !== JOIN_CODE_LENGTH) {
    return {
      ok: false,
      problem: `A join code has ${JOIN_CODE_LENGTH} characters, like K7Q-M4X. Check the code on the facilitator’s screen.`
    }
  }
  return { ok: true, code }
}
