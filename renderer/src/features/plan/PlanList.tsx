import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { PlanListKey } from '../../crdt/programPlan'
import { PLAN_LIST_RULES } from '../../crdt/programPlan'
import type { EditResult } from '../../crdt/textLists'
import { itemKeys, preview } from '../stages/draft/draftText'
import { LIST_WORDS, listEditMessage } from './planText'

interface Editing {
  key: string
  index: number
  /** The item's words when editing began. */
  text: string
  draft: string
}

interface ItemEditorProps {
  label: string
  value: string
  maxLength: number
  describedBy: string
  onChange(value: string): void
  onSave(): void
  onCancel(): void
}

/** Edits one item in place: Enter saves, Escape cancels. */
function ItemEditor({ label, value, maxLength, describedBy, onChange, onSave, onCancel }: ItemEditorProps) {
  const field = useRef<HTMLInputElement>(null)
  useEffect(() => {
    const element = field.current
    element?.focus()
    element?.setSelectionRange(element.value.length, element.value.length)
  }, [])
  return (
    <form
      className="plan-item-editor"
      onSubmit={(event) => {
        event.preventDefault()
        onSave()
      }}
    >
      <input
        ref={field}
        type="text"
        className="plan-list__field"
        aria-label={label}
        aria-describedby={describedBy}
        value={value}
        maxLength={maxLength}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event: KeyboardEvent) => {
          if (event.key === 'Escape') {
            event.preventDefault()
            onCancel()
          }
        }}
      />
      <button type="button" className="button button--small" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="button button--small button--primary">
        Save
      </button>
    </form>
  )
}

interface PlanListProps {
  list: PlanListKey
  /** The id of the heading that names the list. */
  labelledBy: string
  items: readonly string[]
  readOnly: boolean
  onAdd(text: string): EditResult
  /** `previous` is the text the person saw at `index`, so a peer's change meanwhile is caught. */
  onEdit(index: number, text: string, previous: string): EditResult
  onRemove(index: number, previous: string): boolean
}

/**
 * One list of the plan (opportunities, activities, boundaries, behaviours): one line per
 * item, added with Enter, edited in place and removed. Read-only, it is a plain list.
 */
export function PlanList({ list, labelledBy, items, readOnly, onAdd, onEdit, onRemove }: PlanListProps) {
  const words = LIST_WORDS[list]
  const { maxLength } = PLAN_LIST_RULES[list]
  const [draft, setDraft] = useState('')
  const [message, setMessage] = useState('')
  const [editing, setEditing] = useState<Editing | null>(null)
  const addField = useRef<HTMLInputElement>(null)
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
      <p className="plan-empty">Not filled in.</p>
    ) : (
      <ul className="plan-list__items plan-list__items--read-only" aria-labelledby={labelledBy}>
        {items.map((text, index) => (
          <li key={keys[index]} className="plan-list__item">
            <span className="plan-list__text">{text}</span>
          </li>
        ))}
      </ul>
    )
  }

  const add = () => {
    const result = onAdd(draft)
    setMessage(listEditMessage(list, result))
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
    const problem = listEditMessage(list, result)
    setMessage(problem)
    if (result.changed || (result.refused === null && !problem)) close(orphaned ? null : editing.index)
  }

  const editor = (current: Editing) => (
    <ItemEditor
      label={`Edit ${words.noun}`}
      value={current.draft}
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

  return (
    <div className="plan-list">
      {items.length === 0 ? (
        <p className="plan-empty">{words.empty}</p>
      ) : (
        <ul ref={itemsRef} className="plan-list__items" aria-labelledby={labelledBy}>
          {items.map((text, index) => {
            const key = keys[index]!
            return (
              <li key={key} className="plan-list__item">
                {editing?.key === key ? (
                  editor(editing)
                ) : (
                  <>
                    <span className="plan-list__text">{text}</span>
                    <span className="plan-list__actions">
                      <button
                        type="button"
                        className="plan-list__action"
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
                        className="plan-list__action"
                        aria-label={`Remove: ${preview(text)}`}
                        onClick={() => {
                          onRemove(index, text)
                          setMessage('')
                          addField.current?.focus()
                        }}
                      >
                        Remove
                      </button>
                    </span>
                  </>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {orphaned && editing && (
        <div className="plan-list__orphan">
          <p className="plan-list__note">Someone else changed or removed this meanwhile. Save to add yours to the list.</p>
          {editor(editing)}
        </div>
      )}
      <form
        className="plan-list__add"
        onSubmit={(event) => {
          event.preventDefault()
          add()
        }}
      >
        <input
          ref={addField}
          type="text"
          className="plan-list__field"
          aria-label={words.addLabel}
          aria-describedby={messageId}
          placeholder={words.placeholder}
          maxLength={maxLength}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="button button--small">
          Add
        </button>
      </form>
      {/* Always present, so screen readers hear the message when it appears. */}
      <p id={messageId} role="status" className="plan-list__message">
        {message}
      </p>
    </div>
  )
}
