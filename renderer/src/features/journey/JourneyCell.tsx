import { useDroppable } from '@dnd-kit/core'
import { memo, useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import type { Note } from '../../../../shared/board'
import type { BoardIntents } from '../../crdt/intents'
import { useBoardOptions } from '../board/boardOptions'
import { COLUMN_DROP_TYPE, type ColumnDropData } from '../board/dragTypes'
import { NewNoteForm } from '../board/NewNoteForm'
import { WindowedNoteList } from '../board/WindowedNoteList'
import { mountedNotes, useNoteWindow } from '../board/useNoteWindow'
import { followable } from '../../ui/followKey'

/**
 * A cell mounts less beyond its view than a column does: a map has 48 cells or more, and every
 * mounted note is measured when a drag starts. Still a note or so either side, for Tab and
 * keyboard drags (see useNoteWindow).
 */
const CELL_OVERSCAN = 120

/** How far outside the map's view a cell still mounts its notes: the next cell over, for keyboard moves and scrolling. */
const NEAR_VIEW_MARGIN = '320px'

/**
 * Whether the cell is in or near the map's scrolled view. A map has 48 cells or more, and
 * every mounted note is measured when a drag starts, so cells far out of view mount none.
 * Until the first answer a cell counts as out of view: it mounts its notes a frame later,
 * not all 960 at once.
 */
function useNearMapView(cell: RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(false)
  useEffect(() => {
    const element = cell.current
    if (!element) return
    const observer = new IntersectionObserver(([entry]) => setNear(entry?.isIntersecting ?? true), {
      root: element.closest('.journey-grid'),
      rootMargin: NEAR_VIEW_MARGIN
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [cell])
  return near
}

interface JourneyCellProps {
  /** The cell's key (journey.ts cellKey): its droppable and sortable id. */
  id: string
  stageId: string
  laneId: string
  /** "Onboard, Pain points". */
  title: string
  noteIds: readonly string[]
  notes: Readonly<Record<string, Note>>
  intents: BoardIntents
  activeNoteId: string | null
}

/**
 * One cell of the journey map: the notes of one stage in one lane. Like a board column it
 * scrolls within itself past a few notes and mounts only those near its view, so a map of
 * 960 notes drags as smoothly as a short one.
 */
export const JourneyCell = memo(function JourneyCell({
  id,
  stageId,
  laneId,
  title,
  noteIds,
  notes,
  intents,
  activeNoteId
}: JourneyCellProps) {
  const cell = useRef<HTMLElement | null>(null)
  const list = useRef<HTMLOListElement>(null)
  const inView = useNearMapView(cell)
  const mounted = useNoteWindow(list, noteIds, activeNoteId, CELL_OVERSCAN, inView)
  const dropData: ColumnDropData = { type: COLUMN_DROP_TYPE, mountedCount: mountedNotes(mounted) }
  const { setNodeRef, isOver } = useDroppable({ id, data: dropData })
  const setCellNode = useCallback(
    (element: HTMLElement | null) => {
      cell.current = element
      setNodeRef(element)
    },
    [setNodeRef]
  )
  const { readOnly } = useBoardOptions()
  const [writing, setWriting] = useState(false)

  return (
    <section
      ref={setCellNode}
      className={`journey-cell${isOver ? ' journey-cell--drop-target' : ''}`}
      aria-label={title}
      // "Everyone follows me": the cell the facilitator points at comes into view on every screen.
      {...followable('column', id)}
    >
      <WindowedNoteList
        containerId={id}
        listRef={list}
        className="journey-cell__notes"
        title={title}
        noteIds={noteIds}
        notes={notes}
        mounted={mounted}
        intents={intents}
      />
      {!readOnly &&
        (writing ? (
          <div className="journey-cell__new">
            <NewNoteForm
              label={`New note in ${title}`}
              placeholder="Write a note…"
              autoFocus
              onCancel={() => setWriting(false)}
              add={(text) => {
                const { noteId, truncated } = intents.addNote(stageId, text, undefined, laneId)
                // A new note goes last: the cell scrolls to it, so the writer sees it land (and it is mounted).
                if (noteId !== null) requestAnimationFrame(() => list.current?.scrollTo({ top: list.current.scrollHeight }))
                return { added: noteId !== null, truncated }
              }}
            />
            <button type="button" className="button button--small button--quiet" onClick={() => setWriting(false)}>
              Done
            </button>
          </div>
        ) : (
          <button
            type="button"
            className="journey-cell__add"
            aria-label={`Add a note to ${title}`}
            onClick={() => setWriting(true)}
          >
            + Add note
          </button>
        ))}
    </section>
  )
})
