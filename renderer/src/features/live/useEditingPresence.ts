import { useEffect } from 'react'
import type { LiveDocConnection } from '../../crdt/liveSync'

/** The note whose text box has the focus: a card open for editing is the only note holding one. */
function noteBeingEdited(): string | null {
  const active = document.activeElement
  if (!(active instanceof HTMLTextAreaElement)) return null
  return active.closest<HTMLElement>('[data-note-id]')?.dataset.noteId ?? null
}

/** Tells the others in the session which note this person is editing. */
export function useEditingPresence(connection: LiveDocConnection | null): void {
  useEffect(() => {
    if (!connection) return
    const update = () => connection.setEditingNote(noteBeingEdited())
    document.addEventListener('focusin', update)
    document.addEventListener('focusout', update)
    return () => {
      document.removeEventListener('focusin', update)
      document.removeEventListener('focusout', update)
    }
  }, [connection])
}
