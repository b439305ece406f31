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
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type PointerEvent, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import type { Note } from '../../../../shared/board'
import { dragAnnouncements, DRAG_INSTRUCTIONS } from './announcements'
import { boardKeyboardCoordinates } from './boardKeyboardCoordinates'
import { columnOf, dropAtEnd, moveAcrossColumns, projectDrop, type DragTarget, type DropPlace, type NoteIdsByColumn } from './dragItems'
import { isColumnData } from './dragTypes'
import { OpenMoveDialogContext, type MoveDestination } from './moveDestinations'
import { MoveNoteDialog } from './MoveNoteDialog'
import { nearestNoteByCentre } from './nearestNote'
import { NoteCardFace } from './NoteCard'
import { RevealWhileDragging } from './revealWhileDragging'

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
  /** The notes as shown while dragging: the note crosses containers here, not in the document. */
  items: NoteIdsByColumn
  originContainerId: string | undefined
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

/**
 * Droppables are measured while a drag is on, and again whenever a note enters or leaves a
 * container (the cross-container layout shift the story measures for). Not at rest: there,
 * every note added to a 1,000-note board would re-measure all of them.
 */
const MEASURING = { droppable: { strategy: MeasuringStrategy.WhileDragging } }

/**
 * Up and down, dnd-kit scrolls while a note is held near the top or bottom edge (a long column,
 * a tall page). Sideways, RevealWhileDragging brings in the column under the pointer, and no
 * further: dnd-kit's own sideways scrolling ran on while a finger rested at the edge.
 */
const AUTO_SCROLL = { threshold: { x: 0, y: 0.12 }, acceleration: 3 }

interface NoteDragAreaProps {
  /**
   * Note ids per container, in order, as the document has them. A container is a column of
   * the board or a cell of the journey map: a droppable with column drop data (dragTypes.ts)
   * holding a SortableContext of its notes.
   */
  containers: NoteIdsByColumn
  notes: Readonly<Record<string, Note>>
  /** What a person calls a container, for announcements: "Themes", "Onboard, Pain points". */
  titleOf(containerId: string): string
  /** Every container, in reading order, as "Move to…" lists them. */
  destinations: readonly MoveDestination[]
  /** The one change a drag (or a "Move to…") makes to the document, on drop. */
  onDrop(noteId: string, drop: DropPlace): void
  /** The containers, given the note ids as shown during a drag and the note being dragged. */
  children(items: NoteIdsByColumn, activeNoteId: string | null): ReactNode
}

/**
 * Drag and drop of notes between containers, after dnd-kit's MultipleContainers story, by
 * mouse, touch and keyboard, with spoken announcements. A drag changes only what is on
 * screen; the document gets one change, on drop. "Move to…" on a card does the same move
 * without a drag.
 */
export function NoteDragArea({ containers, notes, titleOf, destinations, onDrop, children }: NoteDragAreaProps) {
  const [dragItems, setDragItems] = useState<NoteIdsByColumn | null>(null)
  const [activeNoteId, setActiveNoteId] = useState<string | null>(null)
  const items = dragItems ?? containers

  const drag = useRef<DragSession | null>(null)
  const latest = useRef({ containers, notes, titleOf })
  const lastOverId = useRef<UniqueIdentifier | null>(null)

  useLayoutEffect(() => {
    latest.current = { containers, notes, titleOf }
  }, [containers, notes, titleOf])

  const sensors = useSensors(
    useSensor(MouseAndPenSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: boardKeyboardCoordinates })
  )

  // The story's strategy, narrowed first to the container under the pointer and then to its
  // nearest note: testing every note of a 1,000-note board on each pointer move costs frames.
  const collisionDetection: CollisionDetection = useCallback((args) => {
    const containerArgs = { ...args, droppableContainers: args.droppableContainers.filter((c) => isColumnData(c.data.current)) }
    const pointerHits = pointerWithin(containerArgs)
    const containerId = getFirstCollision(pointerHits.length > 0 ? pointerHits : rectIntersection(containerArgs), 'id')
    if (containerId != null) {
      // Over a container that has notes: aim at its nearest note, so the drop lands beside it.
      // Only mounted notes are measured (a container mounts those near its view), in list order.
      const containerNotes = (drag.current?.items[String(containerId)] ?? []).filter((id) => args.droppableRects.has(id))
      const overId: UniqueIdentifier =
        nearestNoteByCentre(containerNotes, (id) => args.droppableRects.get(id), args.collisionRect) ?? containerId
      lastOverId.current = overId
      return [{ id: overId }]
    }
    // Off the board (over the header, say): stay where the note was, rather than nowhere.
    return lastOverId.current != null ? [{ id: lastOverId.current }] : []
  }, [])

  const announcements: Announcements = useMemo(() => {
    const textOf = (id: UniqueIdentifier) => latest.current.notes[String(id)]?.text ?? ''
    const titleOf = (containerId: string | undefined) =>
      containerId === undefined ? 'its place' : latest.current.titleOf(containerId)
    const cancelled = (active: Active) => dragAnnouncements.cancelled(textOf(active.id), titleOf(drag.current?.originContainerId))
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
    // A note taken up by finger or mouse leaves the text box someone was writing in: a box that
    // keeps the focus scrolls itself back into view, and on a phone threw the map back mid-drag.
    // (Taken up by keyboard, the note itself has the focus.)
    const field = document.activeElement
    if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) field.blur()
    const start = latest.current.containers
    drag.current = { items: start, originContainerId: columnOf(start, String(active.id)), drop: null, awaitingFirstOver: true }
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

  // Back to the document's notes; on cancel that is where the note started.
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
      onDrop(noteId, drop)
    }
    endDrag()
  }

  const activeNote = activeNoteId === null ? undefined : notes[activeNoteId]

  const [movingNoteId, setMovingNoteId] = useState<string | null>(null)
  /** The note just moved with "Move to…", to be focused in its new place. */
  const movedNoteId = useRef<string | null>(null)
  const movingNote = movingNoteId === null ? undefined : notes[movingNoteId]
  const movingFrom = movingNoteId === null ? undefined : columnOf(containers, movingNoteId)
  const moveTo = (containerId: string) => {
    if (movingNoteId === null) return
    const drop = dropAtEnd(containers, movingNoteId, containerId)
    if (drop) {
      onDrop(movingNoteId, drop)
      movedNoteId.current = movingNoteId
    }
    setMovingNoteId(null)
  }
  // After the render that shows the note in its new place. A passive effect, so the dialog's
  // own clean-up has closed it and the page is no longer inert. Focusing the card scrolls it
  // into view: the person sees where it went.
  useEffect(() => {
    if (movedNoteId.current === null) return
    document.querySelector<HTMLElement>(`[data-note-id="${CSS.escape(movedNoteId.current)}"]`)?.focus()
    movedNoteId.current = null
  })

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      measuring={MEASURING}
      autoScroll={AUTO_SCROLL}
      accessibility={{ announcements, screenReaderInstructions: { draggable: DRAG_INSTRUCTIONS } }}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={endDrag}
    >
      <OpenMoveDialogContext.Provider value={setMovingNoteId}>{children(items, activeNoteId)}</OpenMoveDialogContext.Provider>
      <RevealWhileDragging />
      {createPortal(<DragOverlay>{activeNote ? <NoteCardFace note={activeNote} /> : null}</DragOverlay>, document.body)}
      {movingNote && movingFrom !== undefined && (
        <MoveNoteDialog
          note={movingNote}
          fromId={movingFrom}
          destinations={destinations}
          onMove={moveTo}
          onClose={() => setMovingNoteId(null)}
        />
      )}
    </DndContext>
  )
}
