import { useEffect, useId, useRef, useState } from 'react'

interface InlineTextEditProps {
  /** The text box's accessible name, e.g. "New title". */
  label: string
  initialValue: string
  maxLength: number
  /** What to say when the box is left blank. */
  emptyMessage: string
  /** Resolves true when saved; false keeps the box open so nothing typed is lost. */
  onSave(value: string): Promise<boolean>
  onCancel(): void
}

/** A one-line text box in place of a title: Enter saves, Escape cancels. */
export function InlineTextEdit({ label, initialValue, maxLength, emptyMessage, onSave, onCancel }: InlineTextEditProps) {
  const [value, setValue] = useState(initialValue)
  const [saving, setSaving] = useState(false)
  const [invalid, setInvalid] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const messageId = useId()

  useEffect(() => {
    inputRef.current?.select()
  }, [])

  async function save() {
    const title = value.trim()
    if (!title) {
      setInvalid(true)
      inputRef.current?.focus()
      return
    }
    if (title === initialValue) {
      onCancel()
      return
    }
    setSaving(true)
    const saved = await onSave(title)
    // On success the caller has already closed this box; only a failure leaves it here.
    if (!saved) {
      setSaving(false)
      inputRef.current?.focus()
    }
  }

  return (
    <form
      className="inline-edit"
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <input
        ref={inputRef}
        type="text"
        className="inline-edit__input"
        aria-label={label}
        value={value}
        maxLength={maxLength}
        readOnly={saving}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? messageId : undefined}
        onChange={(event) => {
          setValue(event.target.value)
          setInvalid(false)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault()
            onCancel()
          }
        }}
      />
      <button type="submit" className="button button--primary button--small" disabled={saving}>
        Save
      </button>
      <button type="button" className="button button--small" onClick={onCancel}>
        Cancel
      </button>
      {invalid && (
        <p id={messageId} className="field-message">
          {emptyMessage}
        </p>
      )}
    </form>
  )
}
