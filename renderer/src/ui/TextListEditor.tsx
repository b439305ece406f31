import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { EditResult } from '../crdt/textLists'
import { itemKeys, preview } from './listItems'
import './textListEditor.css'

/** The words a list is edited with. */
export interface TextListWords {
  /** One item, in a sentence: "boundary", "example story". */
  noun: string
  /** The add box's accessible name. */
  addLabel: string
  placeholder: string
  /** Said where the list is empty. */
  empty: string
}

interface Editing {
  key: string
  index: number
  /** The item's words when editing began. */
  text: string
  draft: string
}

/** Enter adds or saves in a box of several lines too; Shift+Enter is a new line there. */
const isEnterToSubmit = (event: KeyboardEvent) => event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing

interface ItemEditorProps {
  label: string
  value: string
  multiline: boolean
  maxLength: number
  describedBy: string
  onChange(value: string): void
  onSave(): void
  onCancel(): void
}

/** Edits one item in place: Enter saves, Escape cancels. What is typed lives in the list, so the editor can move without losing it. */
function ItemEditor({ label, value, multiline, maxLength, describedBy, onChange, onSave, onCancel }: ItemEditorProps) {
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null)
  useEffect(() => {
    const element = field.current
    element?.focus()
    element?.setSelectionRange(element.value.length, element.value.length)
  }, [])
  const box = {
    ref: field,
    className: 'text-list__field',
    'aria-label': label,
    'aria-describedby': describedBy,
    value,
    maxLength,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
    onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        event.preventDefault()
        onCancel()
      } else if (multiline && isEnterToSubmit(event)) {
        event.preventDefault()
        onSave()
      }
    }
  }
  return (
    <form
      className="text-list__editor"
      onSubmit={(event) => {
        event.preventDefault()
        onSave()
      }}
    >
      {multiline ? <textarea rows={3} {...box} /> : <input type="text" {...box} />}
      <div className="text-list__editor-actions">
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

interface TextListEditorProps {
  items: readonly string[]
  /** The id of the heading that names the list. */
  labelledBy: string
  words: TextListWords
  maxLength: number
  /** Items may hold line breaks (example stories); otherwise each is one line. */
  multiline: boolean
  /** A plain list, with nothing to edit it. */
  readOnly: boolean
  /** What to tell the person after adding or editing an item; '' when all went well. */
  messageFor(result: EditResult): string
  onAdd(text: string): EditResult
  /** `previous` is the text the person saw at `index`, so a peer's change meanwhile is caught. */
  onEdit(index: number, text: string, previous: string): EditResult
  onRemove(index: number, previous: string): boolean
}

/**
 * A list of short texts a group writes together (crdt/textLists.ts): items added with Enter,
 * edited in place and removed. An item someone else changed or removed while this person
 * edits it keeps its editor, so nothing typed is lost.
 */
export function TextListEditor({ items, labelledBy, words, maxLength, multiline, readOnly, messageFor, onAdd, onEdit, onRemove }: TextListEditorProps) {
  const [draft, setDraft] = useState('')
  const [message, setMessage] = useState('')
  const [editing, setEditing] = useState<Editing | null>(null)
  const addField = useRef<HTMLInputElement & HTMLTextAreaElement>(null)
  const itemsRef = useRef<HTMLUListElement>(null)
  /**
   * Where the focus goes once an editor has closed: the Edit button of the item at this
   * place (the item edited, as saving keeps its place), or the add box when null.
   */
  const refocus = useRef<{ index: number | null } | null>(null)
  const messageId = useId()
  const keys = itemKeys(items)
  // Someone else changed or removed the item being edited: the editor stays, so nothing typed is lost.
  const orphaned = editing !== null && !keys.includes(editing.key)

  useEffect(() => {
    const target = refocus.current
    if (target === null || editing) return
    refocus.current = null
    const button = target.index === null ? null : itemsRef.current?.querySelectorAll<HTMLButtonElement>('[data-focus="edit"]')[target.index]
    ;(button ?? addField.current)?.focus()
  })

  if (readOnly) {
    return items.length === 0 ? (
      <p className="text-list__empty">{words.empty}</p>
    ) : (
      <ul className="text-list__items text-list__items--read-only" aria-labelledby={labelledBy}>
        {items.map((text, index) => (
          <li key={keys[index]} className="text-list__item">
            <p className="text-list__text">{text}</p>
          </li>
        ))}
      </ul>
    )
  }

  const add = () => {
    const result = onAdd(draft)
    setMessage(messageFor(result))
    if (result.changed) setDraft('')
    addField.current?.focus()
  }

  const close = (index: number | null) => {
    refocus.current = { index }
    setEditing(null)
  }

  const save = () => {
    if (!editing) return
    const result = orphaned ? onAdd(editing.draft) : onEdit(editing.index, editing.draft, editing.text)
    const problem = messageFor(result)
    setMessage(problem)
    if (result.changed || (result.refused === null && !problem)) close(orphaned ? null : editing.index)
  }

  const editor = (current: Editing) => (
    <ItemEditor
      label={`Edit ${words.noun}`}
      value={current.draft}
      multiline={multiline}
      maxLength={maxLength}
      describedBy={messageId}
      onChange={(text) => setEditing({ ...current, draft: text })}
      onSave={save}
      onCancel={() => {
        setMessage('')
        close(orphaned ? null : current.index)
      }}
    />
  )

  const addBox = {
    ref: addField,
    className: 'text-list__field',
    'aria-label': words.addLabel,
    'aria-describedby': messageId,
    placeholder: words.placeholder,
    maxLength,
    value: draft,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onKeyDown(event: KeyboardEvent) {
      if (multiline && isEnterToSubmit(event)) {
        event.preventDefault()
        add()
      }
    }
  }

  return (
    <div className="text-list">
      {items.length === 0 ? (
        <p className="text-list__empty">{words.empty}</p>
      ) : (
        <ul ref={itemsRef} className="text-list__items" aria-labelledby={labelledBy}>
          {items.map((text, index) => {
            const key = keys[index]!
            return (
              <li key={key} className="text-list__item">
                {editing?.key === key ? (
                  editor(editing)
                ) : (
                  <>
                    <p className="text-list__text">{text}</p>
                    <div className="text-list__actions">
                      <button
                        type="button"
                        className="text-list__action"
                        aria-label={`Edit: ${preview(text)}`}
                        data-focus="edit"
                        onClick={() => {
                          setEditing({ key, index, text, draft: text })
                          setMessage('')
                        }}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="text-list__action"
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
                  </>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {orphaned && editing && (
        <div className="text-list__orphan">
          <p className="text-list__note">Someone else changed or removed this meanwhile. Save to add yours to the list.</p>
          {editor(editing)}
        </div>
      )}
      <form
        className="text-list__add"
        onSubmit={(event) => {
          event.preventDefault()
          add()
        }}
      >
        {multiline ? <textarea rows={2} {...addBox} /> : <input type="text" {...addBox} />}
        <button type="submit" className="button button--small" aria-label={`Add ${words.noun}`}>
          Add
        </button>
      </form>
      {/* Always present, so screen readers hear the message when it appears. */}
      <p id={messageId} role="status" className="text-list__message">
        {message}
      </p>
    </div>
  )
}
