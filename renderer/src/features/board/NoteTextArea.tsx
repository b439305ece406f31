import type { Ref } from 'react'
import { NOTE_TEXT_MAX_LENGTH } from '../../../../shared/board'
import { limitLength } from '../../crdt/noteText'

interface NoteTextAreaProps {
  /** The accessible name, e.g. "New note in Ideas" or "Note text". */
  label: string
  value: string
  /** `wasCut` is true when the text was longer than a note holds and the rest was dropped. */
  onChange(value: string, wasCut: boolean): void
  onSubmit(): void
  onCancel?(): void
  placeholder?: string
  describedBy?: string
  autoFocus?: boolean
  ref?: Ref<HTMLTextAreaElement>
}

/**
 * A note's text box: Enter submits, Shift+Enter starts a new line, Escape cancels. Text
 * beyond a note's length is cut as it arrives, so the page never holds more than that.
 */
export function NoteTextArea({ label, value, onChange, onSubmit, onCancel, placeholder, describedBy, autoFocus, ref }: NoteTextAreaProps) {
  return (
    <textarea
      ref={ref}
      className="note-textarea"
      aria-label={label}
      aria-describedby={describedBy}
      placeholder={placeholder}
      autoFocus={autoFocus}
      rows={2}
      value={value}
      onChange={(event) => {
        const { text, truncated } = limitLength(event.target.value)
        onChange(text, truncated)
      }}
      onPaste={(event) => {
        const field = event.currentTarget
        const pasted = event.clipboardData.getData('text/plain')
        const keptLength = field.value.length - (field.selectionEnd - field.selectionStart)
        if (keptLength + pasted.length <= NOTE_TEXT_MAX_LENGTH) return
        // Inserted by hand, cut first: letting the browser lay out a 10 MB paste would freeze the page.
        event.preventDefault()
        const room = Math.max(0, NOTE_TEXT_MAX_LENGTH - keptLength)
        const inserted = limitLength(pasted, room).text
        onChange(field.value.slice(0, field.selectionStart) + inserted + field.value.slice(field.selectionEnd), true)
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
          event.preventDefault()
          onSubmit()
        } else if (event.key === 'Escape' && onCancel) {
          event.preventDefault()
          onCancel()
        }
      }}
    />
  )
}
