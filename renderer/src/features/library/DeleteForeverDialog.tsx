import { useState } from 'react'
import type { WorkshopSummary } from '../../../../shared/workshop'
import { api } from '../../platform/api'
import { Dialog } from '../../ui/Dialog'
import { userMessage } from '../../ui/userMessage'

interface DeleteForeverDialogProps {
  workshop: WorkshopSummary
  onCancel(): void
  onDeleted(): void
}

/** The one place a workshop is really deleted, so it asks first; Cancel has the focus. */
export function DeleteForeverDialog({ workshop, onCancel, onDeleted }: DeleteForeverDialogProps) {
  const [deleting, setDeleting] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  async function deleteForever() {
    setDeleting(true)
    setProblem(null)
    try {
      await api.library.deleteForever(workshop.id)
      onDeleted()
    } catch (error) {
      setProblem(userMessage(error))
      setDeleting(false)
    }
  }

  return (
    <Dialog title={`Delete “${workshop.title}” forever?`} onClose={onCancel}>
      <p className="dialog__text">
        The workshop and everything on its board will be removed from this computer. This cannot be undone.
      </p>
      {problem && (
        <p role="alert" className="field-message">
          {problem}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" data-autofocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button button--danger" disabled={deleting} onClick={() => void deleteForever()}>
          Delete forever
        </button>
      </div>
    </Dialog>
  )
}
