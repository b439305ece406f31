import { useId } from 'react'
import type { TextBinding, TextField } from '../../crdt/collaborativeText'
import { useCollaborativeText } from '../stages/draft/useCollaborativeText'

interface SharedTextFieldProps {
  label: string
  /** The text as the plan reads it: shown when read-only, counted when editable. */
  value: string
  maxLength: number
  /** Said under the box when what was typed or pasted did not fit. */
  tooLongMessage: string
  placeholder: string
  /** Enter does not start a new line. */
  singleLine: boolean
  rows: number
  readOnly: boolean
  /** From the plan model; must be stable. */
  bind(field: TextField): TextBinding
  /** A modifier of the look, e.g. "plan-text--title". */
  className?: string
}

/** A text the group writes together: everyone's typing shows in everyone's box as it happens. */
function EditableText({ label, value, maxLength, tooLongMessage, placeholder, singleLine, rows, bind, className }: Omit<SharedTextFieldProps, 'readOnly'>) {
  const { ref, handlers, wasCut } = useCollaborativeText(bind, maxLength)
  const fieldId = useId()
  const countId = useId()
  const messageId = useId()
  return (
    <div className={`plan-text${className ? ` ${className}` : ''}`}>
      <label htmlFor={fieldId} className="plan-text__label">
        {label}
      </label>
      <textarea
        ref={ref}
        id={fieldId}
        className="plan-text__field"
        aria-describedby={`${countId} ${messageId}`}
        placeholder={placeholder}
        rows={rows}
        maxLength={maxLength}
        spellCheck
        {...handlers}
        onKeyDown={(event) => {
          if (singleLine && event.key === 'Enter' && !event.nativeEvent.isComposing) event.preventDefault()
        }}
      />
      <div className="plan-text__footer">
        {/* Always present, so screen readers hear the message when it appears. */}
        <p id={messageId} role="status" className="plan-text__message">
          {wasCut ? tooLongMessage : ''}
        </p>
        <span id={countId} className="plan-text__count">
          {value.length} of {maxLength.toLocaleString('en')} characters
        </span>
      </div>
    </div>
  )
}

/** A shared text of the plan: a box to write in together, or, read-only, the words as written. */
export function SharedTextField(props: SharedTextFieldProps) {
  if (!props.readOnly) return <EditableText {...props} />
  return (
    <div className={`plan-text plan-text--read-only${props.className ? ` ${props.className}` : ''}`}>
      <p className="plan-text__label">{props.label}</p>
      {props.value.trim() ? <p className="plan-text__value">{props.value}</p> : <p className="plan-empty">Not filled in.</p>}
    </div>
  )
}
