/**
 * The board while a note is being dragged, as in dnd-kit's MultipleContainers story: note
 * ids per column, changed on screen as the note crosses columns and written to the
 * document only on drop. Pure functions, so the drop that is announced is the drop made.
 */

export type NoteIdsByColumn = Readonly<Record<string, string[]>>

/** What the dragged note is over: a note, or a column itself (an empty one, or its free space). */
export interface DragTarget {
  id: string
  isColumn: boolean
}

export interface DropPlace {
  columnId: string
  /** The column's notes after the drop, the dropped note included. */
  noteIds: string[]
  /** Where the dropped note sits in noteIds. */
  index: number
}

export function columnOf(items: NoteIdsByColumn, noteId: string): string | undefined {
  return Object.keys(items).find((columnId) => items[columnId]!.includes(noteId))
}

function withNoteAt(noteIds: readonly string[], noteId: string, index: number): string[] {
  const others = noteIds.filter((id) => id !== noteId)
  const at = Math.max(0, Math.min(index, others.length))
  return [...others.slice(0, at), noteId, ...others.slice(at)]
}

/**
 * Moves the dragged note into the column it is over, beside the note it is over (below it
 * when `placeBelow`), or at the end of an empty column. Within one column nothing moves
 * here: the sortable strategy shows that reordering until the drop. Returns `items` itself
 * when nothing changed.
 */
export function moveAcrossColumns(items: NoteIdsByColumn, noteId: string, target: DragTarget, placeBelow: boolean): NoteIdsByColumn {
  const from = columnOf(items, noteId)
  const to = target.isColumn ? target.id : columnOf(items, target.id)
  if (from === undefined || to === undefined || from === to || !items[to]) return items
  const toIds = items[to]
  const overIndex = toIds.indexOf(target.id)
  const index = target.isColumn || overIndex < 0 ? toIds.length : overIndex + (placeBelow ? 1 : 0)
  return {
    ...items,
    [from]: items[from]!.filter((id) => id !== noteId),
    [to]: withNoteAt(toIds, noteId, index)
  }
}

/** Where the note lands if it is dropped over `target` now. */
export function projectDrop(items: NoteIdsByColumn, noteId: string, target: DragTarget): DropPlace | null {
  const from = columnOf(items, noteId)
  const to = target.isColumn ? target.id : columnOf(items, target.id)
  if (from === undefined || to === undefined || !items[to]) return null
  const toIds = items[to]
  if (from !== to) {
    const overIndex = toIds.indexOf(target.id)
    const index = overIndex < 0 ? toIds.length : overIndex
    const noteIds = withNoteAt(toIds, noteId, index)
    return { columnId: to, noteIds, index: noteIds.indexOf(noteId) }
  }
  const index = target.isColumn ? toIds.indexOf(noteId) : toIds.indexOf(target.id)
  return { columnId: to, noteIds: withNoteAt(toIds, noteId, index), index }
}

/** The note at the end of `columnId`: where "Move to…" puts it, as a new note would go. */
export function dropAtEnd(items: NoteIdsByColumn, noteId: string, columnId: string): DropPlace | null {
  const toIds = items[columnId]
  if (!toIds || columnOf(items, noteId) === undefined) return null
  const noteIds = [...toIds.filter((id) => id !== noteId), noteId]
  return { columnId, noteIds, index: noteIds.length - 1 }
}
