import { useEffect } from 'react'
import type { LiveDocConnection } from '../../crdt/liveSync'

/** The note whose text box has the focus: a card open for editing is the only note holding one. */
function noteBeingEdited(): string | null {
  const active = document.activeElement
  if (!(active instanceof HTMLTextAreaElement)) return null
  return active.closest<HTMLElement>('[data-note-id]')?.dataset.noteId ?? null
}

/**
 * Tells the others in the session which note this person is editing, unless `shown` is false
 * (anonymous mode, or the facilitator hid it): then nothing about it leaves this screen.
 */
export function useEditingPresence(connection: LiveDocConnection | null, shown: boolean): void {
  useEffect(() => {
    if (!connection || !shown) return
    const update = () => connection.share({ editingNoteId: noteBeingEdited() })
    document.addEventListener('focusin', update)
    document.addEventListener('focusout', update)
    return () => {
      document.removeEventListener('focusin', update)
      document.removeEventListener('focusout', update)
      // A board that goes is editing nothing, though its connection may stay in the room (liveRoomHolder.ts).
      connection.share({ editingNoteId: null })
    }
  }, [connection, shown])
}
