import { useId, useState } from 'react'
import { NOTE_TOO_LONG_MESSAGE } from '../../crdt/noteText'
import { NoteTextArea } from './NoteTextArea'

interface NewNoteFormProps {
  /** The text box's accessible name, e.g. "New note in Ideas". */
  label: string
  placeholder: string
  /** Adds the note; `added` false keeps what was typed (blank text, a column gone). */
  add(text: string): { added: boolean; truncated: boolean }
  /** Escape in the text box; a form that is always there has none. */
  onCancel?(): void
  autoFocus?: boolean
}

/** Where a note is written: Enter adds it, and a note cut to length says so. */
export function NewNoteForm({ label, placeholder, add, onCancel, autoFocus }: NewNoteFormProps) {
  const [draft, setDraft] = useState('')
  const [wasCut, setWasCut] = useState(false)
  const messageId = useId()

  const submit = () => {
    const { added, truncated } = add(draft)
    if (truncated) setWasCut(true)
    if (added) setDraft('')
  }

  return (
    <form
      className="new-note"
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
    >
      <NoteTextArea
        label={label}
        placeholder={placeholder}
        value={draft}
        describedBy={messageId}
        onChange={(value, cut) => {
          setDraft(value)
          setWasCut(cut)
        }}
        onSubmit={submit}
        onCancel={onCancel}
        autoFocus={autoFocus}
      />
      {/* Always present, so screen readers hear the message when it appears. */}
      <p id={messageId} role="status" className="new-note__message">
        {wasCut ? NOTE_TOO_LONG_MESSAGE : ''}
      </p>
      <div className="new-note__footer">
        <span className="new-note__hint" aria-hidden="true">
          Enter to add · Shift+Enter for a new line
        </span>
        <button type="submit" className="button button--small">
          Add note
        </button>
      </div>
    </form>
  )
}
