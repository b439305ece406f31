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
