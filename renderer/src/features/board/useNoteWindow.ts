import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react'
import { noteWindow, type WindowEntry } from './noteWindow'

/** A guess at a note's height until notes in the column have been seen. */
const DEFAULT_NOTE_HEIGHT = 72

/**
 * Mounted beyond each edge of the view. At least a note or two, so Tab and the keyboard
 * drag always find the next note mounted (focusing it, or dragging towards it, scrolls it
 * into view and mounts the one after); not much more, since every mounted note costs the
 * drag at pick-up.
 */
const COLUMN_OVERSCAN = 360

interface View {
  top: number
  height: number
  gap: number
}

type Heights = ReadonlyMap<string, number>

/** `heights` with the new measurements in, or `heights` itself when none differs by half a pixel or more. */
function withMeasurements(heights: Heights, measured: Iterable<[string, number]>): Heights {
  let next: Map<string, number> | null = null
  for (const [id, height] of measured) {
    const before = heights.get(id)
    if (before !== undefined && Math.abs(before - height) < 0.5) continue
    next ??= new Map(heights)
    next.set(id, height)
  }
  return next ?? heights
}

function meanOf(heights: Heights): number {
  if (heights.size === 0) return DEFAULT_NOTE_HEIGHT
  let total = 0
  for (const height of heights.values()) total += height
  return total / heights.size
}

/**
 * The notes of one scrolling list to mount (see noteWindow): those near the list's view,
 * the one being dragged (dnd-kit keeps measuring it, and it is the placeholder), and the one
 * holding focus (unmounting it would drop a keyboard user's place, or an edit in progress).
 * Each mounted note must be an element with `data-note-id` directly in the list. A list
 * that is not `inView` (a journey-map cell scrolled far out of the map's view) mounts only
 * the pinned notes.
 */
export function useNoteWindow(
  listRef: RefObject<HTMLElement | null>,
  noteIds: readonly string[],
  activeNoteId: string | null,
  overscan = COLUMN_OVERSCAN,
  inView = true
): WindowEntry[] {
  // Until the list is laid out, assume it is as tall as the window; corrected before paint.
  const [view, setView] = useState<View>(() => ({ top: 0, height: window.innerHeight, gap: 0 }))
  const [focusedNoteId, setFocusedNoteId] = useState<string | null>(null)
  /** Notes' heights as seen on screen, by note id. */
  const [heights, setHeights] = useState<Heights>(() => new Map())
  const noteObserver = useRef<ResizeObserver>(null)
  const observed = useRef(new Set<Element>())

  useLayoutEffect(() => {
    const list = listRef.current
    if (!list) return
    const gap = Number.parseFloat(getComputedStyle(list).rowGap) || 0
    const update = () =>
      setView((last) =>
        last.top === list.scrollTop && last.height === list.clientHeight && last.gap === gap
          ? last
          : { top: list.scrollTop, height: list.clientHeight, gap }
      )
    update()
    const onFocusIn = (event: FocusEvent) =>
      setFocusedNoteId((event.target as Element).closest('[data-note-id]')?.getAttribute('data-note-id') ?? null)
    const onFocusOut = (event: FocusEvent) => {
      if (!(event.relatedTarget instanceof Node && list.contains(event.relatedTarget))) setFocusedNoteId(null)
    }
    list.addEventListener('scroll', update, { passive: true })
    list.addEventListener('focusin', onFocusIn)
    list.addEventListener('focusout', onFocusOut)
    const listObserver = new ResizeObserver(update)
    listObserver.observe(list)
    return () => {
      list.removeEventListener('scroll', update)
      list.removeEventListener('focusin', onFocusIn)
      list.removeEventListener('focusout', onFocusOut)
      listObserver.disconnect()
    }
  }, [listRef])

  // One observer for the list's mounted notes: a note's height changes as it is edited or
  // re-wrapped, and the gap that stands in for it once it scrolls away must match. Created
  // before the effect below first runs, so the first notes mounted are watched too.
  useLayoutEffect(() => {
    const tracked = observed.current
    const observer = new ResizeObserver((entries) => {
      const measured: [string, number][] = []
      for (const entry of entries) {
        const id = entry.target.getAttribute('data-note-id')
        const height = entry.borderBoxSize[0]?.blockSize
        if (id !== null && height !== undefined && height > 0) measured.push([id, height])
      }
      setHeights((last) => withMeasurements(last, measured))
    })
    noteObserver.current = observer
    return () => {
      observer.disconnect()
      tracked.clear()
      noteObserver.current = null
    }
  }, [])

  // After every render of the list: watch the notes that came in, forget those that went.
  useLayoutEffect(() => {
    const list = listRef.current
    const observer = noteObserver.current
    if (!list || !observer) return
    const tracked = observed.current
    const mounted = new Set<Element>(list.querySelectorAll(':scope > [data-note-id]'))
    for (const element of tracked) {
      if (!mounted.has(element)) {
        observer.unobserve(element)
        tracked.delete(element)
      }
    }
    for (const element of mounted) {
      if (!tracked.has(element)) {
        observer.observe(element)
        tracked.add(element)
      }
    }
  })

  return useMemo(() => {
    const pinned = new Set<string>()
    if (activeNoteId !== null) pinned.add(activeNoteId)
    if (focusedNoteId !== null) pinned.add(focusedNoteId)
    const estimate = meanOf(heights)
    return noteWindow({
      noteIds,
      heightOf: (id) => heights.get(id) ?? estimate,
      gap: view.gap,
      from: inView ? view.top - overscan : Infinity,
      to: inView ? view.top + view.height + overscan : -Infinity,
      pinned
    })
  }, [noteIds, view, activeNoteId, focusedNoteId, heights, overscan, inView])
}

/** How many notes a window mounts (not counting the gaps that stand in for the rest). */
export const mountedNotes = (entries: readonly WindowEntry[]): number => entries.filter((entry) => entry.type === 'note').length
