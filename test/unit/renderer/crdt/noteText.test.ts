import { describe, expect, it } from 'vitest'
import { NOTE_TEXT_MAX_LENGTH } from '../../../../shared/board'
import { cleanNoteText, limitLength, NOTE_TOO_LONG_MESSAGE } from '../../../../renderer/src/crdt/noteText'

describe('note text', () => {
  it('says how long a note can be in the words the brief promised', () => {
    expect(NOTE_TOO_LONG_MESSAGE).toBe('Notes hold up to 500 characters; the rest was left out.')
  })

  it('trims blank space and keeps short text whole', () => {
    expect(cleanNoteText('  Own the problem \n')).toEqual({ text: 'Own the problem', truncated: false })
  })

  it('cuts a 10 MB paste to one note, quickly', () => {
    const started = performance.now()
    const { text, truncated } = cleanNoteText('x'.repeat(10 * 1024 * 1024))
    expect(truncated).toBe(true)
    expect(text).toHaveLength(NOTE_TEXT_MAX_LENGTH)
    expect(performance.now() - started).toBeLessThan(500)
  })

  it('never splits an emoji in half at the limit', () => {
    const text = `${'a'.repeat(NOTE_TEXT_MAX_LENGTH - 1)}😀tail`
    const limited = limitLength(text)
    expect(limited.truncated).toBe(true)
    expect(limited.text).toBe('a'.repeat(NOTE_TEXT_MAX_LENGTH - 1))
  })

  it('does not trim a draft while someone is typing it', () => {
    expect(limitLength('Call back ')).toEqual({ text: 'Call back ', truncated: false })
  })
})
