/** The `data` each draggable and droppable carries, so collisions and key moves can tell a note from a column. */

export const NOTE_DRAG_TYPE = 'note'
export const COLUMN_DROP_TYPE = 'column'

export interface NoteDragData {
  type: typeof NOTE_DRAG_TYPE
}

export interface ColumnDropData {
  type: typeof COLUMN_DROP_TYPE
  /** Lets keyboard moves skip a column with notes and aim at its notes instead. */
  noteCount: number
}

/** True for a droppable's data that marks a column. */
export function isColumnData(data: unknown): data is ColumnDropData {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === COLUMN_DROP_TYPE
}
