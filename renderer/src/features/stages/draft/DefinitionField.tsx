import { useCallback } from 'react'
import type { TextBinding, TextField } from '../../../crdt/collaborativeText'
import { VALUE_DEFINITION_MAX_LENGTH } from '../../../crdt/values'
import { CollaborativeTextBox } from '../../../ui/CollaborativeTextBox'
import { DEFINITION_TOO_LONG_MESSAGE } from './draftText'

interface DefinitionFieldProps {
  valueId: string
  /** The candidate's name as shown, for the box's accessible name. */
  valueName: string
  /** The definition's length now, for the counter. */
  length: number
  readOnly: boolean
  bindDefinition(valueId: string, field: TextField): TextBinding
}

/** The one-sentence definition, written by the group together. Enter does not start a new line: it is one sentence. */
export function DefinitionField({ valueId, valueName, length, readOnly, bindDefinition }: DefinitionFieldProps) {
  const bind = useCallback((field: TextField) => bindDefinition(valueId, field), [bindDefinition, valueId])
  return (
    <CollaborativeTextBox
      label="Definition"
      accessibleName={`Definition of ${valueName}`}
      length={length}
      maxLength={VALUE_DEFINITION_MAX_LENGTH}
      tooLongMessage={DEFINITION_TOO_LONG_MESSAGE}
      placeholder="One sentence: what this value means for us."
      singleLine
      rows={2}
      readOnly={readOnly}
      bind={bind}
      className="value-definition"
    />
  )
}
