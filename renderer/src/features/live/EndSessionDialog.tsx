import { useState } from 'react'
import { Dialog } from '../../ui/Dialog'

interface EndSessionDialogProps {
  peopleCount: number
  /** Why the last try failed; the panel behind the dialog cannot be read while it is open. */
  problem: string | null
  onCancel(): void
  /** Resolves true once ended; false leaves the dialog open (the problem shows on the panel). */
  onEnd(): Promise<boolean>
}

/** Ending disconnects a room full of people, so it asks first; "Keep it live" has the focus. */
export function EndSessionDialog({ peopleCount, problem, onCancel, onEnd }: EndSessionDialogProps) {
  const [ending, setEnding] = useState(false)
  const who =
    peopleCount === 0
      ? 'No one is connected right now.'
      : peopleCount === 1
        ? 'The person on the board will be disconnected.'
        : `The ${peopleCount} people on the board will be disconnected.`

  return (
    <Dialog title="End the live session?" onClose={onCancel}>
      <p className="dialog__text">
        {who} The join link and code will stop working. The board stays on this computer with everything added so far.
      </p>
      {problem && (
        <p role="alert" className="field-message">
          {problem}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" data-autofocus onClick={onCancel}>
          Keep it live
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={ending}
          onClick={() => {
            setEnding(true)
            void onEnd().then((ended) => {
              if (!ended) setEnding(false)
            })
          }}
        >
          End session
        </button>
      </div>
    </Dialog>
  )
}
