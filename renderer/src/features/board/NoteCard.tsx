import { useSortable } from '@dnd-kit/sortable'
import { CSS, type Transform } from '@dnd-kit/utilities'
import { memo, useCallback, useEffect, useId, useRef, useState, type MouseEvent, type SyntheticEvent } from 'react'
import type { Note } from '../../../../shared/board'
import type { BoardIntents } from '../../crdt/intents'
import { NOTE_TOO_LONG_MESSAGE } from '../../crdt/noteText'
import { ActionFace } from './ActionFace'
import { useBoardOptions } from './boardOptions'
import { ColourPalette } from './ColourPalette'
import { NOTE_DRAG_TYPE, type NoteDragData } from './dragTypes'
import { useOpenMoveDialog } from './moveDestinations'
import { NoteTextArea } from './NoteTextArea'

/** The intents a card uses; the object must be stable so memoized cards stay untouched. */
export type NoteCardIntents = Pick<BoardIntents, 'editNote' | 'recolourNote' | 'deleteNote'>

/**
 * dnd-kit gives every card a zero translate while a drag is on. Written out, it would
 * start a do-nothing transition on every card of the board, at the start and end of each drag.
 */
const isShifted = (transform: Transform | null): transform is Transform =>
  transform !== null && (transform.x !== 0 || transform.y !== 0)

// Presses on a card's buttons and fields are clicks and typing, never the start of a drag.
const keepFromDragging = (event: SyntheticEvent) => event.stopPropagation()

interface NoteEditorProps {
  note: Note
  editNote: NoteCardIntents['editNote']
  onDone(): void
}

function NoteEditor({ note, editNote, onDone }: NoteEditorProps) {
  const [draft, setDraft] = useState(note.text)
  const [wasCut, setWasCut] = useState(false)
  const field = useRef<HTMLTextAreaElement>(null)
  // Leaving by Save, Cancel or Escape moves focus away; that blur must not save a second time.
  const finished = useRef(false)
  const messageId = useId()

  useEffect(() => {
    const textarea = field.current
    textarea?.focus()
    textarea?.setSelectionRange(textarea.value.length, textarea.value.length)
  }, [])

  const finish = (save: boolean) => {
    if (finished.current) return
    finished.current = true
    if (save) editNote(note.id, draft)
    onDone()
  }

  return (
    <div
      className="note__editor"
      onPointerDown={keepFromDragging}
      onTouchStart={keepFromDragging}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) finish(true)
      }}
    >
      <NoteTextArea
        ref={field}
        label="Note text"
        value={draft}
        describedBy={wasCut ? messageId : undefined}
        onChange={(value, cut) => {
          setDraft(value)
          setWasCut(cut)
        }}
        onSubmit={() => finish(true)}
        onCancel={() => finish(false)}
      />
      {wasCut && (
        <p id={messageId} role="status" className="note__message">
          {NOTE_TOO_LONG_MESSAGE}
        </p>
      )}
      <div className="note__editor-actions">
        <button type="button" className="button button--small" onClick={() => finish(false)}>
          Cancel
        </button>
        <button type="button" className="button button--small button--primary" onClick={() => finish(true)}>
          Save
        </button>
      </div>
    </div>
  )
}

interface NoteCardBodyProps {
  note: Note
  editing: boolean
  intents: NoteCardIntents
  onStartEditing(): void
  onStopEditing(): void
}

/**
 * What a card shows. Memoized apart from the sortable wrapper: dnd-kit re-renders every
 * sortable item as a drag moves, and this keeps that to a cheap wrapper per card.
 */
const NoteCardBody = memo(function NoteCardBody({ note, editing, intents, onStartEditing, onStopEditing }: NoteCardBodyProps) {
  const [paletteOpen, setPaletteOpen] = useState(false)
  const colourButton = useRef<HTMLButtonElement>(null)

  const { readOnly, mine, noteExtra } = useBoardOptions()
  const openMoveDialog = useOpenMoveDialog()
  if (editing && !readOnly) return <NoteEditor note={note} editNote={intents.editNote} onDone={onStopEditing} />

  const closePalette = () => {
    setPaletteOpen(false)
    colourButton.current?.focus()
  }
  const deleteNote = (event: MouseEvent<HTMLButtonElement>) => {
    // Focus goes to a neighbouring card, not to the top of the page. A neighbour that is a
    // column's stand-in for unmounted notes is skipped.
    const card = event.currentTarget.closest('li')
    const isCard = (element: Element | null | undefined) => (element?.hasAttribute('data-note-id') ? element : undefined)
    const neighbour = isCard(card?.nextElementSibling) ?? isCard(card?.previousElementSibling)
    intents.deleteNote(note.id)
    if (neighbour instanceof HTMLElement) neighbour.focus()
  }

  return (
    <>
      <p className="note__text" data-note-text>
        {note.text}
      </p>
      {mine.has(note.id) && <span className="note__mine">Mine</span>}
      {noteExtra?.(note)}
      {!readOnly && (
      <div
        className="note__actions"
        onPointerDown={keepFromDragging}
        onTouchStart={keepFromDragging}
        onBlur={(event) => {
          if (paletteOpen && !event.currentTarget.contains(event.relatedTarget)) setPaletteOpen(false)
        }}
      >
        {openMoveDialog && (
          <button type="button" className="note__action" title="Move to…" onClick={() => openMoveDialog(note.id)}>
            <ActionFace symbol="⇄" word="Move to…" />
          </button>
        )}
        <button type="button" className="note__action" aria-label="Edit note" title="Edit note" onClick={onStartEditing}>
          <ActionFace symbol="✎" word="Edit" />
        </button>
        <button
          ref={colourButton}
          type="button"
          className="note__action"
          aria-label="Change colour"
          title="Change colour"
          aria-expanded={paletteOpen}
          onClick={() => setPaletteOpen((open) => !open)}
        >
          <ActionFace symbol="◐" word="Colour" />
        </button>
        <button type="button" className="note__action" aria-label="Delete note" title="Delete note" onClick={deleteNote}>
          <ActionFace symbol="✕" word="Delete" />
        </button>
        {paletteOpen && (
          <ColourPalette
            current={note.colour}
            onChoose={(colour) => {
              intents.recolourNote(note.id, colour)
              closePalette()
            }}
            onClose={closePalette}
          />
        )}
      </div>
      )}
    </>
  )
})

interface NoteCardProps {
  note: Note
  /** Where the card sits in its column, counting from 1, and how many notes the column holds. */
  position: number
  setSize: number
  intents: NoteCardIntents
}

/**
 * A sticky note in a column: a list item that is also the drag handle, so a keyboard user
 * focuses the card and presses Space to pick it up.
 */
export const NoteCard = memo(function NoteCard({ note, position, setSize, intents }: NoteCardProps) {
  const [editing, setEditing] = useState(false)
  const { readOnly } = useBoardOptions()
  const card = useRef<HTMLLIElement | null>(null)
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: note.id,
    data: { type: NOTE_DRAG_TYPE } satisfies NoteDragData,
    disabled: editing || readOnly,
    attributes: { role: 'listitem', roleDescription: 'movable note' },
    // A card keeps its size while a note is dragged; watching every mounted card for
    // resizes would cost each drag an observer per card for nothing.
    resizeObserverConfig: { disabled: true }
  })

  const setCardNode = useCallback(
    (element: HTMLLIElement | null) => {
      card.current = element
      setNodeRef(element)
      // The card itself is the activator, so Space on one of its buttons presses the button.
      setActivatorNodeRef(element)
    },
    [setNodeRef, setActivatorNodeRef]
  )
  const startEditing = useCallback(() => setEditing(true), [])
  const stopEditing = useCallback(() => {
    setEditing(false)
    card.current?.focus()
  }, [])

  return (
    <li
      ref={setCardNode}
      className={`note note--${note.colour}${isDragging ? ' note--placeholder' : ''}${editing ? ' note--editing' : ''}`}
      data-note-id={note.id}
      data-colour={note.colour}
      style={{ transform: isShifted(transform) ? CSS.Translate.toString(transform) : undefined, transition }}
      aria-label={editing ? undefined : note.text}
      {...attributes}
      // dnd-kit marks a card that cannot be dragged (while it is edited) as disabled, which
      // would make its text box read as disabled too; the card itself is never disabled.
      aria-disabled={undefined}
      // A column mounts only the notes near its view; these say where in the whole column this one is.
      aria-posinset={position}
      aria-setsize={setSize}
      {...listeners}
      onDoubleClick={(event) => {
        if (!editing && !readOnly && !(event.target as Element).closest('button, textarea')) startEditing()
      }}
    >
      <NoteCardBody note={note} editing={editing} intents={intents} onStartEditing={startEditing} onStopEditing={stopEditing} />
    </li>
  )
})

/** The card as it follows the pointer in the drag overlay: a picture, with nothing to press. */
export function NoteCardFace({ note }: { note: Note }) {
  return (
    <div className={`note note--${note.colour} note--lifted`} aria-hidden="true">
      <p className="note__text">{note.text}</p>
    </div>
  )
}
