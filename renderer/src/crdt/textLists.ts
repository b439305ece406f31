/**
 * Lists of short texts a group writes together, each a Y.Array of strings under a key of a
 * Y.Map (a value's "we do" behaviours, a program plan's boundaries): how typed text is
 * cleaned, a defensive reader (a peer may have written anything), and the add, edit and
 * remove intents. Two people adding at once both keep their item; an edit or a removal finds
 * the item the person saw even when a peer changed the list above it meanwhile.
 */
import * as Y from 'yjs'
import { LOCAL_ORIGIN } from './boardDoc'
import { limitLength } from './noteText'

/** Why an edit changed nothing, for the message a person sees. */
export type EditRefusal = 'blank' | 'duplicate' | 'full' | 'missing'

export interface EditResult {
  changed: boolean
  /** The text was longer than allowed and was cut: tell the person. */
  truncated: boolean
  /** Set when nothing changed for a reason the person should hear. */
  refused: EditRefusal | null
}

export const unchanged = (refused: EditRefusal | null = null, truncated = false): EditResult => ({
  changed: false,
  truncated,
  refused
})
export const changed = (truncated: boolean): EditResult => ({ changed: true, truncated, refused: null })

export interface ListRules {
  /** Adding refuses past this many items. */
  maxItems: number
  maxLength: number
  /** Line breaks and runs of blank space become one space. */
  singleLine: boolean
}

/**
 * How many entries a list is read to. Two people adding the last allowed item at once can
 * go past a list's maxItems; that must still show, so the reader's bound is looser. It only
 * keeps a faulty peer's thousands of items from reaching the screen.
 */
export const LIST_READ_LIMIT = 100
/** How many raw entries are looked at to find LIST_READ_LIMIT readable ones. */
const LIST_SCAN_LIMIT = 1000

/**
 * Text as stored: trimmed, cut to `maxLength`; a one-line text has every run of blank space
 * (line breaks included) made one space. A 10 MB paste is cut before the clean-up.
 */
export function cleanText(raw: string, maxLength: number, singleLine: boolean): { text: string; truncated: boolean } {
  // A first cut keeps the clean-up cheap on a 10 MB paste. It is generous: what it drops
  // would not have fitted anyway, unless the text is mostly blank space.
  const rough = limitLength(raw, maxLength * 8 + 64)
  const spaced = singleLine ? rough.text.replace(/\s+/g, ' ') : rough.text
  const { text, truncated } = limitLength(spaced.trim(), maxLength)
  return { text: truncated ? text.trimEnd() : text, truncated: truncated || rough.truncated }
}

/** Two statements are the same one when they differ only in case and spacing. */
export const sameWords = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase()

/** A string a peer wrote, cut to `maxLength`; anything else reads as ''. */
export function boundedString(value: unknown, maxLength: number): string {
  return typeof value === 'string' ? limitLength(value, maxLength).text : ''
}

export interface ListItem {
  text: string
  /** Its position in the stored array, which may hold unreadable entries before it. */
  rawIndex: number
}

/** The first raw entries of a list, whether a Y.Array or a plain array a peer wrote. */
function rawEntries(list: unknown): unknown[] {
  if (list instanceof Y.Array) return (list as Y.Array<unknown>).slice(0, LIST_SCAN_LIMIT)
  if (Array.isArray(list)) return list.slice(0, LIST_SCAN_LIMIT)
  return []
}

/** The readable items of a list: non-blank strings, each cut to `maxLength`. */
export function readTextList(list: unknown, maxLength: number): ListItem[] {
  const items: ListItem[] = []
  const raw = rawEntries(list)
  for (let rawIndex = 0; rawIndex < raw.length && items.length < LIST_READ_LIMIT; rawIndex++) {
    const value = raw[rawIndex]
    if (typeof value !== 'string' || value.trim() === '') continue
    items.push({ text: limitLength(value, maxLength).text, rawIndex })
  }
  return items
}

/**
 * The list under `key` as a Y.Array, replacing a plain array (or anything else) a peer wrote.
 * The first raw entries are copied as they were, so the rawIndex of every item read before
 * stays right. Call inside a transaction.
 */
export function writableTextList(entry: Y.Map<unknown>, key: string): Y.Array<unknown> {
  const list = entry.get(key)
  if (list instanceof Y.Array) return list as Y.Array<unknown>
  const repaired = new Y.Array<unknown>()
  repaired.push(rawEntries(list))
  entry.set(key, repaired)
  return repaired
}

/**
 * The item a person meant: the one at `index`, or, when `previous` (the words they saw) no
 * longer sits there because someone added or removed an item above it meanwhile, the item
 * with those words nearest to `index`.
 */
function findItem(items: readonly ListItem[], index: number, previous: string | undefined): ListItem | undefined {
  const at = items[index]
  if (previous === undefined || at?.text === previous) return at
  let nearest: ListItem | undefined
  let distance = Infinity
  items.forEach((item, i) => {
    if (item.text === previous && Math.abs(i - index) < distance) {
      nearest = item
      distance = Math.abs(i - index)
    }
  })
  return nearest
}

/** Adds an item at the end of the list `entry` holds under `key`; no duplicates. `entry` null: it is gone. */
export function addTextItem(doc: Y.Doc, entry: Y.Map<unknown> | null, key: string, rules: ListRules, raw: string): EditResult {
  const { text, truncated } = cleanText(raw, rules.maxLength, rules.singleLine)
  if (!entry) return unchanged('missing', truncated)
  if (!text) return unchanged('blank', truncated)
  const items = readTextList(entry.get(key), rules.maxLength)
  if (items.some((item) => sameWords(item.text) === sameWords(text))) return unchanged('duplicate', truncated)
  if (items.length >= rules.maxItems) return unchanged('full', truncated)
  doc.transact(() => writableTextList(entry, key).push([text]), LOCAL_ORIGIN)
  return changed(truncated)
}

/** Rewrites an item; `previous` is the text the person saw at `index` (see findItem). */
export function editTextItem(
  doc: Y.Doc,
  entry: Y.Map<unknown> | null,
  key: string,
  rules: ListRules,
  index: number,
  raw: string,
  previous: string | undefined
): EditResult {
  const { text, truncated } = cleanText(raw, rules.maxLength, rules.singleLine)
  if (!entry) return unchanged('missing', truncated)
  // Blank text changes nothing: removing is a separate, deliberate act.
  if (!text) return unchanged('blank', truncated)
  const items = readTextList(entry.get(key), rules.maxLength)
  const item = findItem(items, index, previous)
  if (!item) return unchanged('missing', truncated)
  if (item.text === text) return unchanged(null, truncated)
  if (items.some((other) => other !== item && sameWords(other.text) === sameWords(text))) {
    return unchanged('duplicate', truncated)
  }
  doc.transact(() => {
    const list = writableTextList(entry, key)
    list.delete(item.rawIndex, 1)
    list.insert(item.rawIndex, [text])
  }, LOCAL_ORIGIN)
  return changed(truncated)
}

/** Removes the item the person saw at `index` (see findItem); false when it is gone. */
export function removeTextItem(
  doc: Y.Doc,
  entry: Y.Map<unknown> | null,
  key: string,
  maxLength: number,
  index: number,
  previous: string | undefined
): boolean {
  const item = entry && findItem(readTextList(entry.get(key), maxLength), index, previous)
  if (!entry || !item) return false
  doc.transact(() => writableTextList(entry, key).delete(item.rawIndex, 1), LOCAL_ORIGIN)
  return true
}
