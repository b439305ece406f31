import type { ReactNode } from 'react'
import type { RoomProgress } from '../../../../shared/liveSession'
import type { StageId } from '../../../../shared/stages'
import type { Round } from '../../../../shared/workshopMeta'

const ROUND_OF_STAGE: Partial<Record<StageId, Round>> = { brainstorm: 'brainstorm', vote: 'votes', consensus: 'consensus', emotions: 'emotions' }

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

/**
 * The facilitator's word on latecomers in anonymous mode: parts of this stage's round that came
 * after its results, which the host holds until enough can be shared together (alone, they
 * would say whose they are). Nothing when none are waiting.
 */
export function HeldLatecomers({ waiting, stage, group }: { waiting: RoomProgress['waiting'] | null; stage: StageId; group: number }) {
  const round = ROUND_OF_STAGE[stage]
  const held = round && waiting ? waiting[round] : 0
  if (held === 0) return null
  return (
    <p className="round-progress round-progress--held" role="status">
      <strong>{held}</strong> {held === 1 ? 'late answer is' : 'late answers are'} held back until {group} can be shared together, so no
      one&rsquo;s can be singled out.
    </p>
  )
}
