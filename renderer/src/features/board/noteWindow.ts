/**
 * Which of a column's notes are mounted. A mounted note is a dnd-kit sortable, and dnd-kit
 * re-renders and re-measures every sortable when a drag starts and as it moves: with
 * hundreds of notes in a column, that stalls the drag. So a column mounts the notes near
 * its scrolled view, and stands in for the rest with gaps of their height. Pure, so the
 * arithmetic is tested apart from the DOM.
 */

export type WindowEntry =
  | { type: 'note'; id: string; index: number }
  /** Stands in for notes that are not mounted: their heights and the gaps between them. */
  | { type: 'gap'; key: string; height: number }

export interface WindowInput {
  noteIds: readonly string[]
  /** A note's height as last seen on screen, or an estimate for one not yet seen. */
  heightOf(id: string): number
  /** The space between two notes (the list's CSS row gap). */
  gap: number
  /** The part of the list to mount, in pixels from the list's top: the view plus some room either side. */
  from: number
  to: number
  /** Notes mounted wherever they are: the one being dragged, the one with focus. */
  pinned: ReadonlySet<string>
}

export function noteWindow({ noteIds, heightOf, gap, from, to, pinned }: WindowInput): WindowEntry[] {
  const entries: WindowEntry[] = []
  let top = 0
  // Height of the run of skipped notes so far, each counted with the gap after it.
  let skipped = 0
  for (let index = 0; index < noteIds.length; index++) {
    const id = noteIds[index]!
    const height = heightOf(id)
    if ((top + height >= from && top <= to) || pinned.has(id)) {
      // A gap element sits in the list's flow too, so the row gap after it is already there.
      if (skipped > 0) entries.push({ type: 'gap', key: `gap-before-${id}`, height: skipped - gap })
      skipped = 0
      entries.push({ type: 'note', id, index })
    } else {
      skipped += height + gap
    }
    top += height + gap
  }
  if (skipped > 0) entries.push({ type: 'gap', key: 'gap-at-end', height: skipped - gap })
  return entries
}
