import type { ReactNode } from 'react'
import type { RoomProgress } from '../../../../shared/liveSession'
import { ROUNDS, type Round } from '../../../../shared/workshopMeta'

/** How many of the participants present have finished a round, counted from presence. */
export interface Turnout {
  done: number
  of: number
}

/** "7 of 12 have voted": who is done, never what they chose. */
export function RoundProgress({ turnout, verb }: { turnout: Turnout; verb: string }) {
  return (
    <p className="round-progress" role="status">
      <strong>{turnout.done}</strong> of {turnout.of} {turnout.of === 1 ? 'participant has' : 'participants have'} {verb}
    </p>
  )
}

/** The facilitator's part in a round: its settings while open, and closing (and reopening) it. */
export interface RoundControls {
  rules: ReactNode
  close(): void
  /** "Close voting and show results". */
  closeLabel: string
  /** A round that can be reopened once closed, and what the button says then. */
  reopen?: { reopen(): void; label: string }
}

interface RoundHeadProps {
  closed: boolean
  turnout: Turnout
  verb: string
  /** The facilitator's; null on a participant's screen. */
  controls: RoundControls | null
}

/** The top of a private round (dot vote, consensus check, emotion ratings): who is done, and the facilitator's controls. */
export function RoundHead({ closed, turnout, verb, controls }: RoundHeadProps) {
  return (
    <div className="vote-stage__head">
      {!closed && <RoundProgress turnout={turnout} verb={verb} />}
      {controls && !closed && controls.rules}
      {controls && !closed && (
        <button type="button" className="button button--small button--primary" onClick={controls.close}>
          {controls.closeLabel}
        </button>
      )}
      {controls?.reopen && closed && (
        <button type="button" className="button button--small" onClick={controls.reopen.reopen}>
          {controls.reopen.label}
        </button>
      )}
    </div>
  )
}

interface DoneButtonProps {
  done: boolean
  onChange(done: boolean): void
  /** "I have voted"; what the button says before. */
  doneLabel: string
  /** "Change my vote"; what it says after, to take it back until the round closes. */
  changeLabel: string
  disabled?: boolean
}

/** This person says they are done with a round (others see the count), or takes it back. */
export function DoneButton({ done, onChange, doneLabel, changeLabel, disabled = false }: DoneButtonProps) {
  return (
    <button
      type="button"
      className={`button${done ? '' : ' button--primary'}`}
      disabled={!done && disabled}
      onClick={() => onChange(!done)}
    >
      {done ? changeLabel : doneLabel}
    </button>
  )
}

const ROUND_NAMES: Record<Round, string> = {
  brainstorm: 'the silent brainstorm',
  votes: 'the dot vote',
  consensus: 'the consensus check',
  emotions: 'the emotion curve'
}

/**
 * The facilitator's word on latecomers in anonymous mode: parts of rounds that came after their
 * results, which the host holds until enough can be shared together (alone, they would say
 * whose they are). Nothing when none are waiting.
 */
export function HeldLatecomers({ waiting, group }: { waiting: RoomProgress['waiting'] | null; group: number }) {
  const held = ROUNDS.filter((round) => (waiting?.[round] ?? 0) > 0)
  if (!waiting || held.length === 0) return null
  return (
    <div className="banner banner--notice" role="status">
      <div className="banner__messages">
        {held.map((round) => (
          <p key={round}>
            <strong>{waiting[round]}</strong> late {waiting[round] === 1 ? 'answer' : 'answers'} to {ROUND_NAMES[round]}{' '}
            {waiting[round] === 1 ? 'is' : 'are'} held back until {group} can be shared together, so no one&rsquo;s can be singled out.
          </p>
        ))}
      </div>
    </div>
  )
}

const CAME_LATE: Record<Round, string> = {
  brainstorm: 'Your notes came after the reveal: they are held back',
  votes: 'Your vote came after the results: it is held back',
  consensus: 'Your scores came after the results: they are held back',
  emotions: 'Your ratings came after the curve was drawn: they are held back'
}

/**
 * A latecomer's word on their own part, in anonymous mode: the host holds it back until enough
 * late answers can go together. Only this person hears it (the host tells their laptop alone).
 */
export function HeldBackNotice({ rounds, group }: { rounds: readonly Round[]; group: number }) {
  if (rounds.length === 0) return null
  return (
    <div className="banner banner--notice" role="status">
      <div className="banner__messages">
        {rounds.map((round) => (
          <p key={round}>
            {CAME_LATE[round]} until at least {group} late answers can be shared together, so no one can tell whose they are.
          </p>
        ))}
      </div>
    </div>
  )
}
