/**
 * Arrow-key moves for a note being dragged with the keyboard, after dnd-kit's
 * MultipleContainers story: up and down go to the nearest note above or below, left and
 * right to the nearest note in the next column over, or into that column when it is empty.
 * dnd-kit's stock sortableKeyboardCoordinates would also aim at the columns themselves,
 * which swallows a press when a column holds notes.
 */
import {
  closestCorners,
  getFirstCollision,
  KeyboardCode,
  type DroppableContainer,
  type KeyboardCoordinateGetter
} from '@dnd-kit/core'
import { isColumnData } from './dragTypes'

const ARROW_KEYS: string[] = [KeyboardCode.Down, KeyboardCode.Right, KeyboardCode.Up, KeyboardCode.Left]

/** Where, inside an empty column, the lifted card is put down: just below the column's heading. */
const EMPTY_COLUMN_INSET = { x: 12, y: 56 }

const isColumnWithNotes = (entry: DroppableContainer) => isColumnData(entry.data.current) && entry.data.current.mountedCount > 0

export const boardKeyboardCoordinates: KeyboardCoordinateGetter = (
  event,
  { context: { active, droppableRects, droppableContainers, collisionRect } }
) => {
  if (!ARROW_KEYS.includes(event.code)) return undefined
  event.preventDefault()
  if (!active || !collisionRect) return undefined

  const candidates: DroppableContainer[] = []
  for (const entry of droppableContainers.getEnabled()) {
    const rect = droppableRects.get(entry.id)
    if (!rect || entry.id === active.id || isColumnWithNotes(entry)) continue
    const inDirection =
      (event.code === KeyboardCode.Down && collisionRect.top < rect.top) ||
      (event.code === KeyboardCode.Up && collisionRect.top > rect.top) ||
      (event.code === KeyboardCode.Left && collisionRect.left >= rect.left + rect.width) ||
      (event.code === KeyboardCode.Right && collisionRect.left + collisionRect.width <= rect.left)
    if (inDirection) candidates.push(entry)
  }

  const closestId = getFirstCollision(
    closestCorners({ active, collisionRect, droppableRects, droppableContainers: candidates, pointerCoordinates: null }),
    'id'
  )
  const target = closestId == null ? undefined : droppableContainers.get(closestId)
  const rect = target && droppableRects.get(target.id)
  if (!target || !rect) return undefined
  if (isColumnData(target.data.current)) {
    return { x: rect.left + EMPTY_COLUMN_INSET.x, y: rect.top + EMPTY_COLUMN_INSET.y }
  }
  return { x: rect.left, y: rect.top }
}
