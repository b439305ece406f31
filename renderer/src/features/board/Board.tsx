import { useCallback, useId, useMemo, useState } from 'react'
import type { BoardSnapshot, Column } from '../../../../shared/board'
import { COLUMN_TITLE_MAX_LENGTH, type BoardIntents } from '../../crdt/intents'
import { BoardColumn } from './BoardColumn'
import { useBoardOptions } from './boardOptions'
import type { DropPlace } from './dragItems'
import type { MoveDestination } from './moveDestinations'
import { NoteDragArea } from './NoteDragArea'

const EMPTY_COLUMN: string[] = []
const NO_COLUMNS: readonly Column[] = []
/** Kept per column id while the list is the same, so memoized columns skip a re-render. */
const otherColumnsCache = new WeakMap<readonly Column[], Map<string, readonly Column[]>>()
function otherColumnsOf(columns: readonly Column[], columnId: string): readonly Column[] {
  let byId = otherColumnsCache.get(columns)
  if (!byId) otherColumnsCache.set(columns, (byId = new Map()))
  let others = byId.get(columnId)
  if (!others) byId.set(columnId, (others = columns.filter((column) => column.id !== columnId)))
  return others
}

/** Adds a cluster at the end of the board: a new, empty one to drag notes into (a split). */
function NewClusterForm({ addColumn }: { addColumn: BoardIntents['addColumn'] }) {
  const [name, setName] = useState('')
  const inputId = useId()
  return (
    <form
      className="new-cluster"
      onSubmit={(event) => {
        event.preventDefault()
        if (addColumn(name)) setName('')
      }}
    >
      <label htmlFor={inputId} className="new-cluster__label">
        New cluster
      </label>
      <input
        id={inputId}
        className="new-cluster__input"
        value={name}
        maxLength={COLUMN_TITLE_MAX_LENGTH}
        placeholder="Name, e.g. Customer obsessed"
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" className="button button--small" disabled={!name.trim()}>
        Add cluster
      </button>
    </form>
  )
}

interface BoardProps {
  snapshot: BoardSnapshot
  /** Must be stable: every card is memoized on it. */
  intents: BoardIntents
}

/** The columns and their notes; notes move between columns by drag and drop (NoteDragArea). */
export function Board({ snapshot, intents }: BoardProps) {
  const { clusters, readOnly } = useBoardOptions()
  const { columns } = snapshot
  const titleOf = useCallback(
    (columnId: string) => columns.find((column) => column.id === columnId)?.title ?? 'its column',
    [columns]
  )
  const destinations = useMemo(
    () => columns.map((column): MoveDestination => ({ containerId: column.id, name: column.title, group: null })),
    [columns]
  )
  const onDrop = useCallback(
    (noteId: string, drop: DropPlace) =>
      intents.moveNote(noteId, drop.columnId, drop.noteIds[drop.index - 1] ?? null, drop.noteIds[drop.index + 1] ?? null),
    [intents]
  )
  return (
    <NoteDragArea
      containers={snapshot.noteIdsByColumn}
      notes={snapshot.notes}
      titleOf={titleOf}
      destinations={destinations}
      onDrop={onDrop}
    >
      {(items, activeNoteId) => (
        <div className="board">
          {columns.map((column, index) => (
            <BoardColumn
              key={column.id}
              column={column}
              noteIds={items[column.id] ?? EMPTY_COLUMN}
              notes={snapshot.notes}
              intents={intents}
              activeNoteId={activeNoteId}
              // The first column holds what is not sorted yet (clustersOf in shared/stages.ts): not a cluster to rename or merge.
              otherColumns={clusters && index > 0 ? otherColumnsOf(columns, column.id) : NO_COLUMNS}
              isCluster={clusters && index > 0}
            />
          ))}
          {clusters && !readOnly && <NewClusterForm addColumn={intents.addColumn} />}
        </div>
      )}
    </NoteDragArea>
  )
}
