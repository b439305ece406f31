import { useDroppable } from '@dnd-kit/core'
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { memo, useId, useRef, useState } from 'react'
import type { Column, Note } from '../../../../shared/board'
import type { BoardIntents } from '../../crdt/intents'
import { NOTE_TOO_LONG_MESSAGE } from '../../crdt/noteText'
import { COLUMN_DROP_TYPE, type ColumnDropData } from './dragTypes'
import { NoteCard } from './NoteCard'
import { NoteTextArea } from './NoteTextArea'
import { useNoteWindow } from './useNoteWindow'

interface NewNoteFormProps {
  columnId: string
  columnTitle: string
  addNote: BoardIntents['addNote']
}

function NewNoteForm({ columnId, columnTitle, addNote }: NewNoteFormProps) {
  const [draft, setDraft] = useState('')
  const [wasCut, setWasCut] = useState(false)
  const messageId = useId()

  const submit = () => {
    const { noteId, truncated } = addNote(columnId, draft)
    if (truncated) setWasCut(true)
    if (noteId) setDraft('')
  }

  return (
    <form
      className="new-note"
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
    >
      <NoteTextArea
        label={`New note in ${columnTitle}`}
        placeholder="Write a note…"
        value={draft}
        describedBy={messageId}
        onChange={(value, cut) => {
          setDraft(value)
          setWasCut(cut)
        }}
        onSubmit={submit}
      />
      {/* Always present, so screen readers hear the message when it appears. */}
      <p id={messageId} role="status" className="new-note__message">
        {wasCut ? NOTE_TOO_LONG_MESSAGE : ''}
      </p>
      <div className="new-note__footer">
        <span className="new-note__hint" aria-hidden="true">
          Enter to add · Shift+Enter for a new line
        </span>
        <button type="submit" className="button button--small">
          Add note
        </button>
      </div>
    </form>
  )
}

interface BoardColumnProps {
  column: Column
  noteIds: string[]
  notes: Readonly<Record<string, Note>>
  intents: BoardIntents
  /** The note being dragged, anywhere on the board. */
  activeNoteId: string | null
}

/**
 * A column scrolls within itself and mounts only the notes near its view (see
 * useNoteWindow); the SortableContext still holds every note, so positions, keyboard moves
 * and announcements count the whole column.
 */
export const BoardColumn = memo(function BoardColumn({ column, noteIds, notes, intents, activeNoteId }: BoardColumnProps) {
  const dropData: ColumnDropData = { type: COLUMN_DROP_TYPE, noteCount: noteIds.length }
  const { setNodeRef, isOver } = useDroppable({ id: column.id, data: dropData })
  const list = useRef<HTMLOListElement>(null)
  const mounted = useNoteWindow(list, noteIds, activeNoteId)
  const count = noteIds.length

  return (
    <section ref={setNodeRef} className={`column${isOver ? ' column--drop-target' : ''}`} aria-label={column.title}>
      <header className="column__header">
        <h2 className="column__title">{column.title}</h2>
        <span className="column__count">{count === 1 ? '1 note' : `${count} notes`}</span>
      </header>
      {count === 0 && <p className="column__empty">No notes yet. Write one below or drag one here.</p>}
      <SortableContext id={column.id} items={noteIds} strategy={verticalListSortingStrategy}>
        <ol ref={list} role="list" className="column__notes" aria-label={`Notes in ${column.title}`}>
          {mounted.map((entry) => {
            if (entry.type === 'gap') {
              // Hidden from screen readers: each note says where it is in the whole column.
              return <li key={entry.key} className="column__gap" style={{ height: entry.height }} aria-hidden="true" />
            }
            const note = notes[entry.id]
            return note ? <NoteCard key={entry.id} note={note} position={entry.index + 1} setSize={count} intents={intents} /> : null
          })}
        </ol>
      </SortableContext>
      <NewNoteForm columnId={column.id} columnTitle={column.title} addNote={intents.addNote} />
    </section>
  )
})
