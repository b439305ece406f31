import { useCallback, useId } from 'react'
import type { TextBinding, TextField } from '../../../crdt/collaborativeText'
import { VALUE_DEFINITION_MAX_LENGTH } from '../../../crdt/values'
import { DEFINITION_TOO_LONG_MESSAGE } from './draftText'
import { useCollaborativeText } from './useCollaborativeText'

interface DefinitionFieldProps {
  valueId: string
  /** The candidate's name as shown, for the box's accessible name. */
  valueName: string
  /** The definition's length now, for the counter. */
  length: number
  readOnly: boolean
  bindDefinition(valueId: string, field: TextField): TextBinding
}

/**
 * The one-sentence definition, written by the group together: everyone's typing shows in
 * everyone's box as it happens. Enter does not start a new line: it is one sentence.
 */
export function DefinitionField({ valueId, valueName, length, readOnly, bindDefinition }: DefinitionFieldProps) {
  const bind = useCallback((field: TextField) => bindDefinition(valueId, field), [bindDefinition, valueId])
  const { ref, handlers, wasCut } = useCollaborativeText(bind, VALUE_DEFINITION_MAX_LENGTH)
  const fieldId = useId()
  const countId = useId()
  const messageId = useId()

  return (
    <div className="value-definition">
      <label htmlFor={fieldId} className="value-card__label">
        Definition
      </label>
      <textarea
        ref={ref}
        id={fieldId}
        className="value-definition__field"
        aria-label={`Definition of ${valueName}`}
        aria-describedby={`${countId} ${messageId}`}
        placeholder={readOnly ? undefined : 'One sentence: what this value means for us.'}
        rows={2}
        maxLength={VALUE_DEFINITION_MAX_LENGTH}
        readOnly={readOnly}
        spellCheck
        {...handlers}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.nativeEvent.isComposing) event.preventDefault()
        }}
      />
      <div className="value-definition__footer">
        {/* Always present, so screen readers hear the message when it appears. */}
        <p id={messageId} role="status" className="value-definition__message">
          {wasCut && !readOnly ? DEFINITION_TOO_LONG_MESSAGE : ''}
        </p>
        <span id={countId} className="value-definition__count">
          {length} of {VALUE_DEFINITION_MAX_LENGTH} characters
        </span>
      </div>
    </div>
  )
}
