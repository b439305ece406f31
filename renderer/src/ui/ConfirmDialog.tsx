import { useState, type ReactNode } from 'react'
import { Dialog } from './Dialog'

interface ConfirmDialogProps {
  title: string
  children: ReactNode
  /** Why the last try failed, shown inside the dialog. */
  problem: string | null
  cancelLabel: string
  confirmLabel: string
  onCancel(): void
  /** Resolves true when done (the caller closes the dialog); false keeps it open to try again. */
  onConfirm(): Promise<boolean>
}

/** Asks before something that cannot be taken back; the safe choice has the focus. */
export function ConfirmDialog({ title, children, problem, cancelLabel, confirmLabel, onCancel, onConfirm }: ConfirmDialogProps) {
  const [working, setWorking] = useState(false)
  return (
    <Dialog title={title} onClose={onCancel}>
      <p className="dialog__text">{children}</p>
      {problem && (
        <p role="alert" className="field-message">
          {problem}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" data-autofocus onClick={onCancel}>
          {cancelLabel}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={working}
          onClick={() => {
            setWorking(true)
            void onConfirm().then((done) => {
              if (!done) setWorking(false)
            })
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}
