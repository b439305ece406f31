import { describe, expect, it } from 'vitest'
import { formatDateTime } from '../../../../renderer/src/ui/formatDateTime'

describe('formatDateTime', () => {
  it('writes day, short month, year and 24-hour local time', () => {
    expect(formatDateTime(new Date(2026, 10, 25, 22, 40).toISOString())).toBe('25 Nov 2026, 22:40')
    expect(formatDateTime(new Date(2027, 8, 3, 9, 5).toISOString())).toBe('3 Sep 2027, 09:05')
  })

  it('says so when the date cannot be read', () => {
    expect(formatDateTime('not a date')).toBe('an unknown date')
  })
})
