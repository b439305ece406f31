/**
 * What a screen reader hears while a note is dragged: the note's words and the column's
 * title with a position, never an id.
 */

const NOTE_PREVIEW_LENGTH = 80

/** The note's text on one line, shortened so an announcement stays listenable. */
export function notePreview(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length <= NOTE_PREVIEW_LENGTH ? oneLine : `${oneLine.slice(0, NOTE_PREVIEW_LENGTH - 1).trimEnd()}…`
}

const quoted = (text: string) => `“${notePreview(text)}”`

export const dragAnnouncements = {
  pickedUp: (noteText: string) => `Picked up note ${quoted(noteText)}.`,
  over: (noteText: string, columnTitle: string, position: number, total: number) =>
    `Note ${quoted(noteText)} is over ${columnTitle}, position ${position} of ${total}.`,
  notOver: (noteText: string) => `Note ${quoted(noteText)} is no longer over a column.`,
  dropped: (noteText: string, columnTitle: string, position: number, total: number) =>
    `Dropped note ${quoted(noteText)} in ${columnTitle}, position ${position} of ${total}.`,
  cancelled: (noteText: string, columnTitle: string) => `Cancelled: note ${quoted(noteText)} returned to ${columnTitle}.`
}

export const DRAG_INSTRUCTIONS =
  'To move a note, press Space to pick it up. Use the up and down arrow keys to move it within its column, ' +
  'and the left and right arrow keys to move it to another column. Press Space again to drop it, or Escape to cancel. ' +
  'Or press Tab to reach its Move to… button and pick the place from a list.'
