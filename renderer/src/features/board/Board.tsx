import {
  DndContext,
  DragOverlay,
  getFirstCollision,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  TouchSensor,
  useSensor,
  useSensors,
  type Active,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type Over,
  type PointerSensorOptions,
  type UniqueIdentifier
} from '@dnd-kit/core'
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type PointerEvent } from 'react'
import { createPortal } from 'react-dom'
import type { BoardSnapshot, Column } from '../../../../shared/board'
import { COLUMN_TITLE_MAX_LENGTH, type BoardIntents } from '../../crdt/intents'
import { dragAnnouncements, DRAG_INSTRUCTIONS } from './announcements'
import { BoardColumn } from './BoardColumn'
import { useBoardOptions } from './boardOptions'
import { boardKeyboardCoordinates } from './boardKeyboardCoordinates'
import { columnOf, moveAcrossColumns, projectDrop, type DragTarget, type DropPlace, type NoteIdsByColumn } from './dragItems'
import { isColumnData } from './dragTypes'
import { nearestNoteByCentre } from './nearestNote'
import { NoteCardFace } from './NoteCard'

/**
 * Mouse and pen only: a finger goes to the TouchSensor, whose press-and-hold delay lets
 * people scroll a board on a touch screen without picking up every note they brush.
 */
class MouseAndPenSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent: event }: PointerEvent, { onActivation }: PointerSensorOptions) => {
        if (event.pointerType === 'touch' || !event.isPrimary || event.button !== 0) return false
        onActivation?.({ event })
        return true
      }
    }
  ]
}

/** One drag, from pick-up to drop. Kept in a ref: dnd-kit calls announcements and collision detection between renders. */
interface DragSession {
  /** The board as shown while dragging: the note crosses columns here, not in the document. */
  items: NoteIdsByColumn
  originColumnId: string | undefined
  /** Set on drop, for the announcement that follows it. */
  drop: DropPlace | null
  /**
   * True until the first "over" of the drag, which is the note over its own place. Saying
   * so would talk over "Picked up …" straight away, as dnd-kit's Sortable story notes.
   */
  awaitingFirstOver: boolean
}

const targetOf = (over: Over): DragTarget => ({ id: String(over.id), isColumn: isColumnData(over.data.current) })

/** True when the dragged card's top edge is past the bottom of the card it is over (the story's rule). */
function isBelow(active: Active, over: Over): boolean {
  const dragged = active.rect.current.translated
  return dragged !== null && dragged.top > over.rect.top + over.rect.height
}

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

/**
 * Droppables are measured while a drag is on, and again whenever a note enters or leaves a
 * column (the cross-column layout shift the story measures for). Not at rest: there, every
 * note added to a 1,000-note board would re-measure all of them.
 */
const MEASURING = { droppable: { strategy: MeasuringStrategy.WhileDragging } }

interface BoardProps {
  snapshot: BoardSnapshot
  /** Must be stable: every card is memoized on it. */
  intents: BoardIntents
}

/**
 * The columns and their notes, with drag and drop after dnd-kit's MultipleContainers
 * story. A drag changes only what is on screen; the document gets one moveNote, on drop.
 */
export function Board({ snapshot, intents }: BoardProps) {
  const { clusters, readOnly } = useBoardOptions()
  const [dragItems, setDragItems] = useState<NoteIdsByColumn | null>(null)
  const [activeNoteId, setActiveNoteId] = useState<string | null>(null)
  const items = dragItems ?? snapshot.noteIdsByColumn

  const drag = useRef<DragSession | null>(null)
  const latestSnapshot = useRef(snapshot)
  const lastOverId = useRef<UniqueIdentifier | null>(null)

  useLayoutEffect(() => {
    latestSnapshot.current = snapshot
  }, [snapshot])

  const sensors = useSensors(
    useSensor(MouseAndPenSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: boardKeyboardCoordinates })
  )

  // The story's strategy, narrowed first to the column under the pointer and then to its
  // nearest note: testing every note of a 1,000-note board on each pointer move costs frames.
  const collisionDetection: CollisionDetection = useCallback((args) => {
    const columnArgs = { ...args, droppableContainers: args.droppableContainers.filter((c) => isColumnData(c.data.current)) }
    const pointerHits = pointerWithin(columnArgs)
    const columnId = getFirstCollision(pointerHits.length > 0 ? pointerHits : rectIntersection(columnArgs), 'id')
    if (columnId != null) {
      // Over a column that has notes: aim at its nearest note, so the drop lands beside it.
      // Only mounted notes are measured (a column mounts those near its view), in list order.
      const columnNotes = (drag.current?.items[String(columnId)] ?? []).filter((id) => args.droppableRects.has(id))
      const overId: UniqueIdentifier =
        nearestNoteByCentre(columnNotes, (id) => args.droppableRects.get(id), args.collisionRect) ?? columnId
      lastOverId.current = overId
      return [{ id: overId }]
    }
    // Off the board (over the header, say): stay where the note was, rather than nowhere.
    return lastOverId.current != null ? [{ id: lastOverId.current }] : []
  }, [])

  const announcements: Announcements = useMemo(() => {
    const textOf = (id: UniqueIdentifier) => latestSnapshot.current.notes[String(id)]?.text ?? ''
    const titleOf = (columnId: string | undefined) =>
      latestSnapshot.current.columns.find((column) => column.id === columnId)?.title ?? 'its column'
    const cancelled = (active: Active) => dragAnnouncements.cancelled(textOf(active.id), titleOf(drag.current?.originColumnId))
    return {
      onDragStart: ({ active }) => dragAnnouncements.pickedUp(textOf(active.id)),
      onDragOver({ active, over }) {
        const session = drag.current
        if (session?.awaitingFirstOver) {
          session.awaitingFirstOver = false
          if (over?.id === active.id) return undefined
        }
        const place = session && over ? projectDrop(session.items, String(active.id), targetOf(over)) : null
        return place
          ? dragAnnouncements.over(textOf(active.id), titleOf(place.columnId), place.index + 1, place.noteIds.length)
          : dragAnnouncements.notOver(textOf(active.id))
      },
      onDragEnd({ active }) {
        const drop = drag.current?.drop
        return drop
          ? dragAnnouncements.dropped(textOf(active.id), titleOf(drop.columnId), drop.index + 1, drop.noteIds.length)
          : cancelled(active)
      },
      onDragCancel: ({ active }) => cancelled(active)
    }
  }, [])

  const onDragStart = ({ active }: DragStartEvent) => {
    const start = latestSnapshot.current.noteIdsByColumn
    drag.current = { items: start, originColumnId: columnOf(start, String(active.id)), drop: null, awaitingFirstOver: true }
    setDragItems(start)
    setActiveNoteId(String(active.id))
  }

  const onDragOver = ({ active, over }: DragOverEvent) => {
    const session = drag.current
    if (!session || !over) return
    const next = moveAcrossColumns(session.items, String(active.id), targetOf(over), isBelow(active, over))
    if (next === session.items) return
    session.items = next
    setDragItems(next)
  }

  // Back to the document's board; on cancel that is where the note started.
  const endDrag = () => {
    setDragItems(null)
    setActiveNoteId(null)
    lastOverId.current = null
  }

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const session = drag.current
    const noteId = String(active.id)
    const drop = session && over ? projectDrop(session.items, noteId, targetOf(over)) : null
    if (session && drop) {
      session.drop = drop
      intents.moveNote(noteId, drop.columnId, drop.noteIds[drop.index - 1] ?? null, drop.noteIds[drop.index + 1] ?? null)
    }
    endDrag()
  }

  const activeNote = activeNoteId === null ? undefined : snapshot.notes[activeNoteId]

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      measuring={MEASURING}
      accessibility={{ announcements, screenReaderInstructions: { draggable: DRAG_INSTRUCTIONS } }}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={endDrag}
    >
      <div className="board">
        {snapshot.columns.map((column, index) => (
          <BoardColumn
            key={column.id}
            column={column}
            noteIds={items[column.id] ?? EMPTY_COLUMN}
            notes={snapshot.notes}
            intents={intents}
            activeNoteId={activeNoteId}
            // The first column holds what is not sorted yet (clustersOf in shared/stages.ts): not a cluster to rename or merge.
            otherColumns={clusters && index > 0 ? otherColumnsOf(snapshot.columns, column.id) : NO_COLUMNS}
            isCluster={clusters && index > 0}
          />
        ))}
        {clusters && !readOnly && <NewClusterForm addColumn={intents.addColumn} />}
      </div>
      {createPortal(<DragOverlay>{activeNote ? <NoteCardFace note={activeNote} /> : null}</DragOverlay>, document.body)}
    </DndContext>
  )
}
