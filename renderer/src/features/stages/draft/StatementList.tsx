import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { ValueEditResult, ValueListKind } from '../../../crdt/values'
import { itemKeys, LIST_WORDS, listEditMessage, preview } from './draftText'

interface ItemEditorProps {
  label: string
  value: string
  onChange(value: string): void
  multiline: boolean
  maxLength: number
  describedBy: string
  /** True when saved: the editor closes. False keeps it open with what was typed. */
  onSave(text: string): boolean
  onCancel(): void
}

/**
 * Edits one item in place: Enter saves (Shift+Enter is a new line in a story), Escape cancels.
 * What is typed lives in the list, so the editor can move (see `orphaned`) without losing it.
 */
function ItemEditor({ label, value, onChange, multiline, maxLength, describedBy, onSave, onCancel }: ItemEditorProps) {
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null)

  useEffect(() => {
    const element = field.current
    element?.focus()
    element?.setSelectionRange(element.value.length, element.value.length)
  }, [])

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      onCancel()
    } else if (multiline && event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      onSave(value)
    }
  }
  const common = {
    ref: field,
    className: 'statement-editor__field',
    'aria-label': label,
    'aria-describedby': describedBy,
    value,
    maxLength,
    onKeyDown,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value)
  }

  return (
    <form
      className="statement-editor"
      onSubmit={(event) => {
        event.preventDefault()
        onSave(value)
      }}
    >
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      <div className="statement-editor__actions">
        <button type="button" className="button button--small" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--small button--primary">
          Save
        </button>
      </div>
    </form>
  )
}

interface Editing {
  key: string
  index: number
  /** The item's words when editing began. */
  text: string
  draft: string
}

interface StatementListProps {
  kind: ValueListKind
  /** The candidate's name as shown, for accessible names. */
  valueName: string
  items: readonly string[]
  canEdit: boolean
  onAdd(text: string): ValueEditResult
  /** `previous` is the text the person saw at `index`, so a peer's change meanwhile is caught. */
  onEdit(index: number, text: string, previous: string): ValueEditResult
  onRemove(index: number, previous: string): boolean
}

/**
 * One list of a value: "we do", "we don't" or example stories. Items are added with Enter,
 * edited in place and removed; behaviours are one line, stories may have several.
 */
export function StatementList({ kind, valueName, items, canEdit, onAdd, onEdit, onRemove }: StatementListProps) {
  const words = LIST_WORDS[kind]
  const multiline = kind === 'examples'
  const [draft, setDraft] = useState('')
  const [message, setMessage] = useState('')
  const [editing, setEditing] = useState<Editing | null>(null)
  const addField = useRef<HTMLInputElement & HTMLTextAreaElement>(null)
  const headingId = useId()
  const messageId = useId()
  const keys = itemKeys(items)
  // Someone else changed or removed the item being edited: the editor stays, so nothing typed is lost.
  const orphaned = editing !== null && !keys.includes(editing.key)

  const add = () => {
    const result = onAdd(draft)
    setMessage(listEditMessage(kind, result))
    if (result.changed) setDraft('')
    addField.current?.focus()
  }

  const save = (text: string): boolean => {
    if (!editing) return true
    const result = orphaned ? onAdd(text) : onEdit(editing.index, text, editing.text)
    const problem = listEditMessage(kind, result)
    setMessage(problem)
    if (result.changed || (result.refused === null && !problem)) {
      setEditing(null)
      return true
    }
    return false
  }

  const addOnKeyDown = (event: KeyboardEvent) => {
    if (multiline && event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      add()
    }
  }
  const addCommon = {
    ref: addField,
    className: 'statement-list__field',
    'aria-label': words.addLabel(valueName),
    'aria-describedby': messageId,
    placeholder: multiline ? 'What happened, who did it, what changed for the customer…' : 'One behaviour, in a few words',
    value: draft,
    maxLength: words.maxLength,
    onKeyDown: addOnKeyDown,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value)
  }

  const editor = (current: Editing) => (
    <ItemEditor
      label={`Edit ${words.noun}`}
      value={current.draft}
      onChange={(draftText) => setEditing({ ...current, draft: draftText })}
      multiline={multiline}
      maxLength={words.maxLength}
      describedBy={messageId}
      onSave={save}
      onCancel={() => {
        setEditing(null)
        setMessage('')
      }}
    />
  )

  return (
    <section className={`statement-list statement-list--${kind}`} aria-labelledby={headingId}>
      <h4 id={headingId} className="statement-list__title">
        {words.title}
      </h4>
      {items.length === 0 ? (
        <p className="statement-list__empty">{words.empty}</p>
      ) : (
        <ul className="statement-list__items" aria-labelledby={headingId}>
          {items.map((text, index) => {
            const key = keys[index]!
            return (
              <li key={key} className="statement">
                {canEdit && editing?.key === key ? (
                  editor(editing)
                ) : (
                  <>
                    <p className="statement__text">{text}</p>
                    {canEdit && (
                      <div className="statement__actions">
                        <button
                          type="button"
                          className="statement__action"
                          aria-label={`Edit: ${preview(text)}`}
                          onClick={() => {
                            setEditing({ key, index, text, draft: text })
                            setMessage('')
                          }}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          className="statement__action"
                          aria-label={`Remove: ${preview(text)}`}
                          onClick={() => {
                            onRemove(index, text)
                            setMessage('')
                            addField.current?.focus()
                          }}
                        >
                          Remove
                        </button>
                      </div>
                    )}
                  </>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {canEdit && orphaned && editing && (
        <div className="statement statement--orphaned">
          <p className="statement-list__note">Someone else changed or removed this meanwhile. Save to add yours to the list.</p>
          {editor(editing)}
        </div>
      )}
      {canEdit && (
        <form
          className="statement-list__add"
          onSubmit={(event) => {
            event.preventDefault()
            add()
          }}
        >
          {multiline ? <textarea rows={2} {...addCommon} /> : <input type="text" {...addCommon} />}
          <button type="submit" className="button button--small" aria-label={`Add ${words.noun}`}>
            Add
          </button>
        </form>
      )}
      {/* Always present, so screen readers hear the message when it appears. */}
      <p id={messageId} role="status" className="statement-list__message">
        {canEdit ? message : ''}
      </p>
    </section>
  )
}
