/** The one rule for how long a note may be, shared by the intents and the text boxes. */
import { NOTE_TEXT_MAX_LENGTH } from '../../../shared/board'

export const NOTE_TOO_LONG_MESSAGE = `Notes hold up to ${NOTE_TEXT_MAX_LENGTH} characters; the rest was left out.`

export interface LimitedText {
  text: string
  /** True when characters were dropped: the person must be told. */
  truncated: boolean
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff

/**
 * Cuts `text` to at most `limit` UTF-16 units without splitting an emoji or other
 * character outside the BMP in half. Only slices, so a 10 MB string costs no more than a short one.
 */
export function limitLength(text: string, limit: number = NOTE_TEXT_MAX_LENGTH): LimitedText {
  if (text.length <= limit) return { text, truncated: false }
  const cut = isHighSurrogate(text.charCodeAt(limit - 1)) ? text.slice(0, limit - 1) : text.slice(0, limit)
  return { text: cut, truncated: true }
}

/** A note's text as stored: no surrounding blank space, at most NOTE_TEXT_MAX_LENGTH long. */
export function cleanNoteText(raw: string): LimitedText {
  const { text, truncated } = limitLength(raw.trim())
  return { text: truncated ? text.trimEnd() : text, truncated }
}
