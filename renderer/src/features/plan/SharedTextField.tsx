import { PLAN_LABELS } from '../../../../shared/exports/planText'
import type { TextBinding, TextField } from '../../crdt/collaborativeText'
import { CollaborativeTextBox } from '../../ui/CollaborativeTextBox'

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

/** A shared text of the plan: a box to write in together, or, read-only, the words as written. */
export function SharedTextField({ label, value, readOnly, className, ...box }: SharedTextFieldProps) {
  const classes = `plan-text${className ? ` ${className}` : ''}`
  if (!readOnly) return <CollaborativeTextBox label={label} length={value.length} className={classes} {...box} />
  return (
    <div className={`${classes} plan-text--read-only`}>
      <p className="plan-text__label">{label}</p>
      {value.trim() ? <p className="plan-text__value">{value}</p> : <p className="plan-empty">{PLAN_LABELS.notFilledIn}</p>}
    </div>
  )
}
