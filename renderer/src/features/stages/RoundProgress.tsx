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
