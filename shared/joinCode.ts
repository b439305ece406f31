/**
 * Join codes: short enough to read from the back of a room and type on a laptop, with
 * no letters that look alike (no I/1, O/0, L).
 */

export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const JOIN_CODE_LENGTH = 6

/** What a person typed, as the code it means: case, spaces and dashes do not matter. */
export function normalizeJoinCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '')
}

/** "K7QM4X" → "K7Q-M4X", as shown on screen. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`
}

/** Builds a code from random bytes (the caller owns the randomness: Node or the browser). */
export function joinCodeFromRandom(bytes: Uint8Array): string {
  if (bytes.length < JOIN_CODE_LENGTH) throw new RangeError(`need ${JOIN_CODE_LENGTH} random bytes`)
  let code = ''
  // 256 is not a multiple of 31; the small bias is irrelevant against rate-limited guessing.
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[bytes[i]! % JOIN_CODE_ALPHABET.length]
  return code
}
