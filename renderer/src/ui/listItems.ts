/** Lists of plain strings on screen: stable React keys, and an item's words shortened for a button's accessible name. */

const PREVIEW_LENGTH = 60

/** An item's words on one line, shortened for a button's accessible name. */
export function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length <= PREVIEW_LENGTH ? oneLine : `${oneLine.slice(0, PREVIEW_LENGTH - 1).trimEnd()}…`
}

/**
 * Stable React keys for a list of plain strings: the words themselves, numbered when the
 * same words appear twice. Keys by position would remount every item below a removed one,
 * closing an edit someone has open there.
 */
export function itemKeys(items: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return items.map((text) => {
    const count = seen.get(text) ?? 0
    seen.set(text, count + 1)
    return `${count}:${text}`
  })
}
