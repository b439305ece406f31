/**
 * Sideways scrolling while a note is held over a board or journey map that is wider than the
 * screen. dnd-kit's auto-scroll runs for as long as the pointer stays near the edge, so on a
 * phone a finger resting on the next column, half of which peeks in at the edge, carried the
 * map on past it: one column over landed two or three over. Here the map scrolls only to bring
 * the column (or journey cell) under the pointer wholly into view, once, after the pointer has
 * rested on it; it never scrolls past what the person points at. To go further they point at
 * the next one, which by then peeks in at the edge.
 *
 * Up and down is left to dnd-kit: a column or cell taller than the screen scrolls as before.
 */
import { useDndContext, type DroppableContainer } from '@dnd-kit/core'
import { useEffect, useLayoutEffect, useRef } from 'react'
import { isColumnData } from './dragTypes'

/** How long the pointer rests on a column that is partly out of view before it is brought in. */
export const REVEAL_AFTER_MS = 300
/** Room left between a revealed column and the edge of the view, in CSS pixels. */
export const REVEAL_MARGIN_PX = 12
/** How often the pointer's place is looked at while a note is held. */
const TICK_MS = 50

export interface Span {
  left: number
  right: number
}

/**
 * How far to scroll sideways so that `target` lies wholly inside `view`, `margin` from its
 * edges: negative to the left, 0 when it is in view already. A target wider than the view is
 * aligned by its left edge.
 */
export function revealDistance(target: Span, view: Span, margin: number): number {
  const hiddenLeft = view.left - target.left
  const hiddenRight = target.right - view.right
  const tooWide = target.right - target.left > view.right - view.left - 2 * margin
  if (hiddenLeft > 0.5 || tooWide) return target.left - (view.left + margin)
  if (hiddenRight > 0.5) return target.right - (view.right - margin)
  return 0
}

/** The nearest ancestor that scrolls sideways (the board's columns, the journey map), if any. */
function sidewaysScroller(node: HTMLElement): HTMLElement | null {
  for (let element = node.parentElement; element; element = element.parentElement) {
    const overflow = getComputedStyle(element).overflowX
    if ((overflow === 'auto' || overflow === 'scroll') && element.scrollWidth > element.clientWidth) return element
  }
  return null
}

function containerAt(containers: readonly DroppableContainer[], x: number, y: number): DroppableContainer | undefined {
  return containers.find((container) => {
    const node = container.node.current
    if (!node || !isColumnData(container.data.current)) return false
    const rect = node.getBoundingClientRect()
    return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom
  })
}

/** Where the pointer or finger is now, from the browser's own events (a drag's delta includes scrolling). */
function pointerOf(event: PointerEvent | TouchEvent): { x: number; y: number } | null {
  const point = 'touches' in event ? event.touches[0] : event
  return point ? { x: point.clientX, y: point.clientY } : null
}

/** Rendered inside the DndContext of a board or map. */
export function RevealWhileDragging(): null {
  const { active, activeNode, droppableContainers } = useDndContext()
  const containers = useRef<readonly DroppableContainer[]>([])
  useLayoutEffect(() => {
    containers.current = droppableContainers.toArray()
  }, [droppableContainers])
  const dragging = active !== null
  useEffect(() => {
    const scroller = dragging && activeNode ? sidewaysScroller(activeNode) : null
    if (!scroller) return
    // While a note is held the map must not pan under the finger: the browser's own panning
    // fought the scrolling here and threw the map back. Code can still scroll a hidden overflow.
    const overflowBefore = scroller.style.overflowX
    scroller.style.overflowX = 'hidden'
    let pointer: { x: number; y: number } | null = null
    let resting: { id: unknown; since: number } | null = null
    const onMove = (event: PointerEvent | TouchEvent) => {
      pointer = pointerOf(event) ?? pointer
    }
    const look = () => {
      const under = pointer ? containerAt(containers.current, pointer.x, pointer.y) : undefined
      const node = under?.node.current
      let distance = 0
      if (pointer && node && scroller.contains(node)) {
        const view = scroller.getBoundingClientRect()
        // Short of the edge by the margin, or by less, so the column stays under a finger resting nearer the edge.
        const margin = Math.max(0, Math.min(REVEAL_MARGIN_PX, pointer.x - view.left - 4, view.right - pointer.x - 4))
        distance = revealDistance(node.getBoundingClientRect(), view, margin)
      }
      if (!under || distance === 0) {
        resting = null
        return
      }
      const now = performance.now()
      if (resting?.id !== under.id) {
        resting = { id: under.id, since: now }
      } else if (now - resting.since >= REVEAL_AFTER_MS) {
        scroller.scrollBy({ left: distance, behavior: 'smooth' })
        resting = null
      }
    }
    const listening = { capture: true, passive: true }
    window.addEventListener('pointermove', onMove, listening)
    window.addEventListener('touchmove', onMove, listening)
    const timer = window.setInterval(look, TICK_MS)
    return () => {
      window.removeEventListener('pointermove', onMove, listening)
      window.removeEventListener('touchmove', onMove, listening)
      window.clearInterval(timer)
      scroller.style.overflowX = overflowBefore
    }
  }, [dragging, activeNode])

  return null
}
