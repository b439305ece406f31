import { useState } from 'react'
import type { WorkshopSummary } from '../../../../shared/workshop'
import { api } from '../../platform/api'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { userMessage } from '../../ui/userMessage'

interface DeleteForeverDialogProps {
  workshop: WorkshopSummary
  onCancel(): void
  onDeleted(): void
}

/** The one place a workshop is really deleted, so it asks first. */
export function DeleteForeverDialog({ workshop, onCancel, onDeleted }: DeleteForeverDialogProps) {
  const [problem, setProblem] = useState<string | null>(null)

  async function deleteForever(): Promise<boolean> {
    setProblem(null)
    try {
      await api.library.deleteForever(workshop.id)
      onDeleted()
      return true
    } catch (error) {
      setProblem(userMessage(error))
      return false
    }
  }

  return (
    <ConfirmDialog
      title={`Delete “${workshop.title}” forever?`}
      problem={problem}
      cancelLabel="Cancel"
      confirmLabel="Delete forever"
      onCancel={onCancel}
      onConfirm={deleteForever}
    >
      The workshop and everything on its board will be removed from this computer. This cannot be undone.
    </ConfirmDialog>
  )
}
