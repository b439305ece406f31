import { useDroppable } from '@dnd-kit/core'
import { memo, useId, useRef, useState } from 'react'
import type { Column, Note } from '../../../../shared/board'
import { COLUMN_TITLE_MAX_LENGTH, type BoardIntents } from '../../crdt/intents'
import { InlineTextEdit } from '../../ui/InlineTextEdit'
import { followable } from '../../ui/followKey'
import { useBoardOptions } from './boardOptions'
import { COLUMN_DROP_TYPE, type ColumnDropData } from './dragTypes'
import { WindowedNoteList } from './WindowedNoteList'
import { NewNoteForm } from './NewNoteForm'
import { mountedNotes, useNoteWindow } from './useNoteWindow'

const noteCount = (count: number) => (count === 1 ? '1 note' : `${count} notes`)

interface ClusterHeaderProps {
  column: Column
  count: number
  otherColumns: readonly Column[]
  intents: BoardIntents
}

/** A cluster's name, which anyone can change, and the way to merge it into another. */
function ClusterHeader({ column, count, otherColumns, intents }: ClusterHeaderProps) {
  const [renaming, setRenaming] = useState(false)
  const mergeId = useId()
  return (
    <header className="column__header column__header--cluster">
      {renaming ? (
        <InlineTextEdit
          label="Cluster name"
          initialValue={column.title}
          maxLength={COLUMN_TITLE_MAX_LENGTH}
          emptyMessage="A cluster needs a name."
          onSave={async (title) => {
            intents.renameColumn(column.id, title)
            setRenaming(false)
            return true
          }}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <>
          <h2 className="column__title">{column.title}</h2>
          <span className="column__count">{noteCount(count)}</span>
          <div className="column__tools">
            <button
              type="button"
              className="button button--small button--quiet"
              aria-label={`Rename ${column.title}`}
              onClick={() => setRenaming(true)}
            >
              Rename
            </button>
            {otherColumns.length > 0 && (
              <>
                <label className="visually-hidden" htmlFor={mergeId}>
                  Merge {column.title} into
                </label>
                <select
                  id={mergeId}
                  className="column__merge"
                  value=""
                  onChange={(event) => {
                    if (event.target.value) intents.mergeColumns(column.id, event.target.value)
                  }}
                >
                  <option value="">Merge into…</option>
                  {otherColumns.map((other) => (
                    <option key={other.id} value={other.id}>
                      {other.title}
                    </option>
                  ))}
                </select>
              </>
            )}
          </div>
        </>
      )}
    </header>
  )
}

interface BoardColumnProps {
  column: Column
  noteIds: string[]
  notes: Readonly<Record<string, Note>>
  intents: BoardIntents
  /** The note being dragged, anywhere on the board. */
  activeNoteId: string | null
  /** The board's other columns, for "Merge into…" (clusters only). */
  otherColumns: readonly Column[]
  /** A cluster of the core-values workshop: it can be renamed and merged. */
  isCluster: boolean
}

/**
 * A column scrolls within itself and mounts only the notes near its view (see
 * useNoteWindow); the SortableContext still holds every note, so positions, keyboard moves
 * and announcements count the whole column.
 */
export const BoardColumn = memo(function BoardColumn({
  column,
  noteIds,
  notes,
  intents,
  activeNoteId,
  otherColumns,
  isCluster
}: BoardColumnProps) {
  const list = useRef<HTMLOListElement>(null)
  const mounted = useNoteWindow(list, noteIds, activeNoteId)
  const dropData: ColumnDropData = { type: COLUMN_DROP_TYPE, mountedCount: mountedNotes(mounted) }
  const { setNodeRef, isOver } = useDroppable({ id: column.id, data: dropData })
  const count = noteIds.length
  const { readOnly } = useBoardOptions()

  return (
    <section
      ref={setNodeRef}
      className={`column${isOver ? ' column--drop-target' : ''}`}
      aria-label={column.title}
      {...followable('column', column.id)}
    >
      {isCluster && !readOnly ? (
        <ClusterHeader column={column} count={count} otherColumns={otherColumns} intents={intents} />
      ) : (
        <header className="column__header">
          <h2 className="column__title">{column.title}</h2>
          <span className="column__count">{noteCount(count)}</span>
        </header>
      )}
      {count === 0 && (
        <p className="column__empty">{readOnly ? 'No notes.' : 'No notes here. Write one below or drag one here.'}</p>
      )}
      <WindowedNoteList
        containerId={column.id}
        listRef={list}
        className="column__notes"
        title={column.title}
        noteIds={noteIds}
        notes={notes}
        mounted={mounted}
        intents={intents}
      />
      {!readOnly && (
        <NewNoteForm
          label={`New note in ${column.title}`}
          placeholder="Write a note…"
          add={(text) => {
            const { noteId, truncated } = intents.addNote(column.id, text)
            return { added: noteId !== null, truncated }
          }}
        />
      )}
    </section>
  )
})
