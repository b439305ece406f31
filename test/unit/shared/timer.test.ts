import { describe, expect, it } from 'vitest'
import {
  addMinute,
  formatTimeLeft,
  isTimeUp,
  MAX_TIMER_MS,
  MINUTE_MS,
  pauseTimer,
  readTimer,
  startTimer,
  timeLeft,
  timerOf
} from '../../../shared/timer'

const HOST = 1_750_000_000_000

describe('the shared timer', () => {
  it('counts down from start, pauses with the time left kept, and resumes from there', () => {
    let timer = startTimer(timerOf(5 * MINUTE_MS), HOST)
    expect(timeLeft(timer, HOST + 60_000)).toBe(4 * MINUTE_MS)
    timer = pauseTimer(timer, HOST + 60_000)
    expect(timeLeft(timer, HOST + 10 * MINUTE_MS)).toBe(4 * MINUTE_MS)
    timer = startTimer(timer, HOST + 10 * MINUTE_MS)
    expect(timeLeft(timer, HOST + 11 * MINUTE_MS)).toBe(3 * MINUTE_MS)
  })

  it('adds a minute whether running or paused, and stops at zero', () => {
    const running = addMinute(startTimer(timerOf(MINUTE_MS), HOST), HOST + 30_000)
    expect(timeLeft(running, HOST + 30_000)).toBe(90_000)
    expect(timeLeft(running, HOST + 10 * MINUTE_MS)).toBe(0)
    expect(timeLeft(addMinute(timerOf(MINUTE_MS), HOST), HOST)).toBe(2 * MINUTE_MS)
  })

  it('starts again from its full length once it has run out', () => {
    const spent = pauseTimer(startTimer(timerOf(MINUTE_MS), HOST), HOST + 2 * MINUTE_MS)
    expect(timeLeft(startTimer(spent, HOST + 3 * MINUTE_MS), HOST + 3 * MINUTE_MS)).toBe(MINUTE_MS)
  })

  it('restarts from its full length when it ran out while running (the button says Restart)', () => {
    const running = startTimer(timerOf(2 * MINUTE_MS), HOST)
    expect(isTimeUp(running, HOST + MINUTE_MS)).toBe(false)
    expect(isTimeUp(running, HOST + 3 * MINUTE_MS)).toBe(true)
    const restarted = startTimer(running, HOST + 3 * MINUTE_MS)
    expect(timeLeft(restarted, HOST + 3 * MINUTE_MS)).toBe(2 * MINUTE_MS)
    expect(isTimeUp(restarted, HOST + 4 * MINUTE_MS)).toBe(false)
  })

  it('never shows more than it started with, on a screen whose estimate of host time lags', () => {
    const timer = startTimer(timerOf(5 * MINUTE_MS), HOST)
    // This screen thinks it is 400 ms before the start: 5:00, not 5:01.
    expect(formatTimeLeft(timeLeft(timer, HOST - 400))).toBe('5:00')
    const plusOne = addMinute(timer, HOST)
    expect(formatTimeLeft(timeLeft(plusOne, HOST - 400))).toBe('6:00')
  })

  it('shows the same time left on two screens whose clocks are 90 seconds apart', () => {
    const timer = startTimer(timerOf(5 * MINUTE_MS), HOST)
    const skewedLaptopClock = HOST + 30_000 + 90_000
    const offsetItEstimated = -90_000
    expect(formatTimeLeft(timeLeft(timer, skewedLaptopClock + offsetItEstimated))).toBe(
      formatTimeLeft(timeLeft(timer, HOST + 30_000))
    )
    expect(formatTimeLeft(timeLeft(timer, HOST + 30_000))).toBe('4:30')
  })

  it('formats minutes, seconds and hours, rounding up', () => {
    expect(formatTimeLeft(0)).toBe('0:00')
    expect(formatTimeLeft(1)).toBe('0:01')
    expect(formatTimeLeft(245_000)).toBe('4:05')
    expect(formatTimeLeft(3_750_000)).toBe('1:02:30')
  })

  it('reads anything a peer wrote as a usable timer', () => {
    for (const junk of [null, 'soon', 42, { durationMs: 'x' }, { endsAt: Number.NaN }, { remainingMs: -5 }]) {
      const timer = readTimer(junk)
      expect(timer.durationMs).toBeGreaterThanOrEqual(0)
      expect(timer.remainingMs).toBeGreaterThanOrEqual(0)
      expect(Number.isFinite(timeLeft(timer, HOST))).toBe(true)
    }
    expect(readTimer({ durationMs: 1e12, remainingMs: 1e12, endsAt: null }).remainingMs).toBe(MAX_TIMER_MS)
    // An end far in the future shows no more than a timer can hold, nor than it held when it started.
    expect(timeLeft(readTimer({ durationMs: 60_000, endsAt: HOST + 1e12, remainingMs: 1e12 }), HOST)).toBe(MAX_TIMER_MS)
    expect(timeLeft(readTimer({ durationMs: 60_000, endsAt: HOST + 1e12, remainingMs: 60_000 }), HOST)).toBe(60_000)
  })
})
