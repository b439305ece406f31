import { ConfirmDialog } from '../../ui/ConfirmDialog'

interface EndSessionDialogProps {
  peopleCount: number
  /** The private round still open (people writing notes, voting, rating), in words; null if none. */
  privateRound: string | null
  /** Why the last try failed; the panel behind the dialog cannot be read while it is open. */
  problem: string | null
  onCancel(): void
  /** Resolves true once ended; false leaves the dialog open. */
  onEnd(): Promise<boolean>
}

/** Ending disconnects a room full of people, so it asks first. */
export function EndSessionDialog({ peopleCount, privateRound, problem, onCancel, onEnd }: EndSessionDialogProps) {
  const who =
    peopleCount === 0
      ? 'No one is connected right now.'
      : peopleCount === 1
        ? 'The person on the board will be disconnected.'
        : `The ${peopleCount} people on the board will be disconnected.`
  return (
    <ConfirmDialog
      title="End the live session?"
      problem={problem}
      cancelLabel="Keep it live"
      confirmLabel="End session"
      onCancel={onCancel}
      onConfirm={onEnd}
    >
      {who} The join link and code stop letting anyone in until you go live again; then they work as before. The board stays
      on this computer with everything added so far.
      {privateRound && (
        <>
          {' '}
          <strong>{privateRound} is still open:</strong> what people have not shared yet stays on their own devices. It is
          kept there, and they can share it once you go live again.
        </>
      )}
    </ConfirmDialog>
  )
}
