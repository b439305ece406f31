import { useEffect, useId, useState } from 'react'
import { formatTimeLeft, isRunning, isTimeUp, MINUTE_MS, timeLeft, type TimerState } from '../../../../shared/timer'
import type { FlowIntents } from '../../crdt/workshopFlow'

const LENGTHS_MIN = [1, 2, 3, 5, 10, 15, 20, 30, 45, 60]

/** The time left, redrawn a few times a second while the timer runs. */
function useTimeLeft(timer: TimerState, hostNow: () => number): number {
  const [, redraw] = useState(0)
  const running = isRunning(timer)
  useEffect(() => {
    if (!running) return
    const interval = setInterval(() => redraw((n) => n + 1), 250)
    return () => clearInterval(interval)
  }, [running])
  return timeLeft(timer, hostNow())
}

interface StageTimerProps {
  timer: TimerState
  /** Host time (see hostClock.ts): the same on every screen, whatever each laptop's clock says. */
  hostNow(): number
  /** The facilitator's controls; participants only see the time. */
  intents: FlowIntents | null
}

export function StageTimer({ timer, hostNow, intents }: StageTimerProps) {
  const left = useTimeLeft(timer, hostNow)
  const running = isRunning(timer)
  const lengthId = useId()
  const timeUp = isTimeUp(timer, hostNow())
  const minutes = Math.max(1, Math.round(timer.durationMs / MINUTE_MS))
  const lengths = LENGTHS_MIN.includes(minutes) ? LENGTHS_MIN : [...LENGTHS_MIN, minutes].sort((a, b) => a - b)
  return (
    <div className={`stage-timer${timeUp ? ' stage-timer--up' : running ? '' : ' stage-timer--paused'}`}>
      <p className="stage-timer__time" role="timer" aria-label="Time left">
        {formatTimeLeft(left)}
      </p>
      <p className="stage-timer__state">{timeUp ? 'Time is up' : running ? 'Running' : 'Paused'}</p>
      {intents && (
        <div className="stage-timer__controls">
          {timeUp ? (
            <button type="button" className="button button--small button--primary" onClick={intents.startTimer}>
              Restart
            </button>
          ) : running ? (
            <button type="button" className="button button--small" onClick={intents.pauseTimer}>
              Pause
            </button>
          ) : (
            <button type="button" className="button button--small button--primary" onClick={intents.startTimer}>
              Start timer
            </button>
          )}
          <button type="button" className="button button--small" onClick={intents.addMinute}>
            +1 min
          </button>
          <label className="visually-hidden" htmlFor={lengthId}>
            Timer length
          </label>
          <select
            id={lengthId}
            className="stage-timer__length"
            value={minutes}
            onChange={(event) => intents.setTimerLength(Number(event.target.value) * MINUTE_MS)}
          >
            {lengths.map((length) => (
              <option key={length} value={length}>
                {length} min
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  )
}
