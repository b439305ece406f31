import { ConfirmDialog } from '../../ui/ConfirmDialog'

interface EndSessionDialogProps {
  peopleCount: number
  /** Why the last try failed; the panel behind the dialog cannot be read while it is open. */
  problem: string | null
  onCancel(): void
  /** Resolves true once ended; false leaves the dialog open. */
  onEnd(): Promise<boolean>
}

/** Ending disconnects a room full of people, so it asks first. */
export function EndSessionDialog({ peopleCount, problem, onCancel, onEnd }: EndSessionDialogProps) {
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
      {who} The join link and code will stop working. The board stays on this computer with everything added so far.
    </ConfirmDialog>
  )
}
