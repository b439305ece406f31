/**
 * The shared countdown. Its times are the host's clock (the facilitator's machine), which
 * every screen estimates (renderer/src/crdt/hostClock.ts), so a laptop whose
 * clock is minutes off still shows the same time left as everyone else.
 */

export interface TimerState {
  /** The length the facilitator set, for "Restart". */
  durationMs: number
  /** Host time at which a running timer reaches zero; null while paused or not started. */
  endsAt: number | null
  /** Time left while paused (or before the first start). */
  remainingMs: number
}

export const MINUTE_MS = 60_000
export const MAX_TIMER_MS = 180 * MINUTE_MS
export const DEFAULT_TIMER_MS = 5 * MINUTE_MS

export const timerOf = (durationMs: number): TimerState => {
  const bounded = Math.min(Math.max(0, Math.round(durationMs)), MAX_TIMER_MS)
  return { durationMs: bounded, endsAt: null, remainingMs: bounded }
}

export const isRunning = (timer: TimerState): boolean => timer.endsAt !== null

export function timeLeft(timer: TimerState, hostNow: number): number {
  // Never more than the timer held when it started (a screen's estimate of host time may lag by
  // a message's travel: a 5-minute timer once read 5:01), nor than a timer can hold.
  return timer.endsAt === null ? timer.remainingMs : Math.min(Math.max(0, timer.endsAt - hostNow), timer.remainingMs, MAX_TIMER_MS)
}

/** Ran out while running: the facilitator's button says "Restart". */
export const isTimeUp = (timer: TimerState, hostNow: number): boolean => isRunning(timer) && timeLeft(timer, hostNow) === 0

/** Runs the timer again from its full length. */
export function restartTimer(timer: TimerState, hostNow: number): TimerState {
  return { ...timer, endsAt: hostNow + timer.durationMs, remainingMs: timer.durationMs }
}

export function startTimer(timer: TimerState, hostNow: number): TimerState {
  if (timer.endsAt !== null) return isTimeUp(timer, hostNow) ? restartTimer(timer, hostNow) : timer
  const remaining = timer.remainingMs > 0 ? timer.remainingMs : timer.durationMs
  return { ...timer, endsAt: hostNow + remaining, remainingMs: remaining }
}

export function pauseTimer(timer: TimerState, hostNow: number): TimerState {
  if (timer.endsAt === null) return timer
  return { ...timer, endsAt: null, remainingMs: timeLeft(timer, hostNow) }
}

export function addMinute(timer: TimerState, hostNow: number): TimerState {
  if (timer.endsAt === null) return { ...timer, remainingMs: Math.min(timer.remainingMs + MINUTE_MS, MAX_TIMER_MS) }
  const left = Math.min(timeLeft(timer, hostNow) + MINUTE_MS, MAX_TIMER_MS)
  return { ...timer, endsAt: hostNow + left, remainingMs: left }
}

/** "4:05", "0:09", "1:02:30". Rounds up, so the display reaches 0:00 exactly when time is up. */
export function formatTimeLeft(ms: number): string {
  const totalSeconds = Math.ceil(Math.max(0, ms) / 1000)
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = String(totalSeconds % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}

/** Reads a timer written by any peer; anything malformed becomes an idle timer. */
export function readTimer(value: unknown): TimerState {
  if (typeof value !== 'object' || value === null) return timerOf(DEFAULT_TIMER_MS)
  const { durationMs, endsAt, remainingMs } = value as Record<string, unknown>
  const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n)
  const duration = finite(durationMs) ? Math.min(Math.max(0, durationMs), MAX_TIMER_MS) : DEFAULT_TIMER_MS
  return {
    durationMs: duration,
    endsAt: finite(endsAt) ? endsAt : null,
    remainingMs: finite(remainingMs) ? Math.min(Math.max(0, remainingMs), MAX_TIMER_MS) : duration
  }
}
