import { describe, expect, it } from 'vitest'
import { dragAnnouncements, notePreview } from '../../../../../renderer/src/features/board/announcements'

describe('drag announcements', () => {
  it('say the note and the column, with a position, in plain words', () => {
    expect(dragAnnouncements.pickedUp('Call customers back')).toBe('Picked up note “Call customers back”.')
    expect(dragAnnouncements.over('Call customers back', 'Themes', 2, 3)).toBe(
      'Note “Call customers back” is over Themes, position 2 of 3.'
    )
    expect(dragAnnouncements.dropped('Call customers back', 'Themes', 2, 3)).toBe(
      'Dropped note “Call customers back” in Themes, position 2 of 3.'
    )
    expect(dragAnnouncements.cancelled('Call customers back', 'Ideas')).toBe('Cancelled: note “Call customers back” returned to Ideas.')
  })

  it('read a long or multi-line note as one short line', () => {
    expect(notePreview('  Own the\n problem  ')).toBe('Own the problem')
    const preview = notePreview('word '.repeat(100))
    expect(preview.length).toBeLessThanOrEqual(80)
    expect(preview.endsWith('…')).toBe(true)
  })
})
