/**
 * The note in a column nearest to the dragged card, found by halving rather than by
 * looking at every note: dnd-kit's droppable rects read every scroll offset on each
 * access, so scanning a column of hundreds of notes on each pointer move costs frames.
 */

interface VerticalExtent {
  top: number
  height: number
}

type RectOf<Id> = (id: Id) => VerticalExtent | null | undefined

const centreOf = (extent: VerticalExtent) => extent.top + extent.height / 2

function nearestByScan<Id>(noteIds: readonly Id[], rectOf: RectOf<Id>, target: number): Id | undefined {
  let nearest: Id | undefined
  let nearestDistance = Number.POSITIVE_INFINITY
  for (const id of noteIds) {
    const rect = rectOf(id)
    const distance = rect ? Math.abs(centreOf(rect) - target) : Number.POSITIVE_INFINITY
    if (distance < nearestDistance) {
      nearest = id
      nearestDistance = distance
    }
  }
  return nearest
}

/**
 * `noteIds` are in list order, so their rects run top to bottom; the note whose centre is
 * nearest the centre of `dragged` wins. A note not measured yet (just moved into the
 * column) breaks that order for a moment, and every note is looked at instead.
 */
export function nearestNoteByCentre<Id>(noteIds: readonly Id[], rectOf: RectOf<Id>, dragged: VerticalExtent): Id | undefined {
  const target = centreOf(dragged)
  let low = 0
  let high = noteIds.length - 1
  while (low < high) {
    const mid = (low + high) >> 1
    const rect = rectOf(noteIds[mid]!)
    if (!rect) return nearestByScan(noteIds, rectOf, target)
    if (centreOf(rect) < target) low = mid + 1
    else high = mid
  }
  // `low` is the first note whose centre is at or below the target; the one above may be nearer.
  return nearestByScan(noteIds.slice(Math.max(0, low - 1), low + 1), rectOf, target)
}
