/**
 * Dates as people in the room read them: "25 Nov 2026, 22:40", local time. Written out
 * by hand rather than with Intl, whose short month names differ between ICU versions
 * ("Sep" or "Sept") and would make the same screen read differently on two machines.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

const twoDigits = (value: number) => String(value).padStart(2, '0')

export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return 'an unknown date'
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}, ${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`
}
