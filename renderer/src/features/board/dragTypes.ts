/** The `data` each draggable and droppable carries, so collisions and key moves can tell a note from a column. */

export const NOTE_DRAG_TYPE = 'note'
export const COLUMN_DROP_TYPE = 'column'

export interface NoteDragData {
  type: typeof NOTE_DRAG_TYPE
}

export interface ColumnDropData {
  type: typeof COLUMN_DROP_TYPE
  /**
   * How many of its notes are mounted: keyboard moves skip a column with mounted notes and
   * aim at the notes instead; an empty column, or one whose notes are all unmounted (a
   * journey-map cell scrolled far away), is a target itself.
   */
  mountedCount: number
}

/** True for a droppable's data that marks a column. */
export function isColumnData(data: unknown): data is ColumnDropData {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === COLUMN_DROP_TYPE
}
