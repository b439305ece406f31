import { useId } from 'react'
import type { TextBinding, TextField } from '../crdt/collaborativeText'
import { useCollaborativeText } from './useCollaborativeText'
import './collaborativeTextBox.css'

interface CollaborativeTextBoxProps {
  label: string
  /** A fuller name for screen readers where the label alone is ambiguous, e.g. "Definition of Integrity". */
  accessibleName?: string
  /** The text's length now, for the counter. */
  length: number
  maxLength: number
  /** Said under the box when what was typed or pasted did not fit. */
  tooLongMessage: string
  placeholder?: string
  /** Enter does not start a new line. */
  singleLine: boolean
  rows: number
  /** The box shows the text and takes no typing. */
  readOnly?: boolean
  /** From the crdt model; must be stable. */
  bind(field: TextField): TextBinding
  /** A modifier of the look where it sits, e.g. "plan-text plan-text--title". */
  className?: string
}

/**
 * A text the group writes together, in a labelled box with its length under it: everyone's
 * typing shows in everyone's box as it happens (useCollaborativeText.ts).
 */
export function CollaborativeTextBox({
  label,
  accessibleName,
  length,
  maxLength,
  tooLongMessage,
  placeholder,
  singleLine,
  rows,
  readOnly = false,
  bind,
  className
}: CollaborativeTextBoxProps) {
  const { ref, handlers, wasCut } = useCollaborativeText(bind, maxLength)
  const fieldId = useId()
  const countId = useId()
  const messageId = useId()
  return (
    <div className={`collaborative-text${className ? ` ${className}` : ''}`}>
      <label htmlFor={fieldId} className="collaborative-text__label">
        {label}
      </label>
      <textarea
        ref={ref}
        id={fieldId}
        className="collaborative-text__field"
        aria-label={accessibleName}
        aria-describedby={`${countId} ${messageId}`}
        placeholder={readOnly ? undefined : placeholder}
        rows={rows}
        maxLength={maxLength}
        readOnly={readOnly}
        spellCheck
        {...handlers}
        onKeyDown={(event) => {
          if (singleLine && event.key === 'Enter' && !event.nativeEvent.isComposing) event.preventDefault()
        }}
      />
      <div className="collaborative-text__footer">
        {/* Always present, so screen readers hear the message when it appears. */}
        <p id={messageId} role="status" className="collaborative-text__message">
          {wasCut && !readOnly ? tooLongMessage : ''}
        </p>
        <span id={countId} className="collaborative-text__count">
          {length} of {maxLength.toLocaleString('en')} characters
        </span>
      </div>
    </div>
  )
}
