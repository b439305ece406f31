/**
 * Anonymous mode, for what a group writes together while live: the values (each one's name,
 * definition and lists) and the program plan (its texts, its lists, its outcome rows). A
 * laptop sends the host what it changed in each entry, with its base: the same fields as the
 * laptop last had them from the host. The host merges every text and list three ways (the base,
 * the board's, the laptop's), so two people typing in one sentence both keep their words, and
 * writes the result as its own change (shared/boardPatch.ts carries it). No laptop's Yjs writes
 * reach the room, and nothing in the document carries an author's or a throwaway client id.
 *
 * The laptop's side is renderer/src/crdt/writingCopy.ts; it merges the same way when the host's
 * write comes back, with what was typed in the meantime.
 */
import * as Y from 'yjs'
import { diff3Merge, diffIndices } from 'node-diff3'
import { DOC_KEYS } from './board'

/** Where shared writing lives: the values' entries, the plan's own fields (one entry), the plan's outcome rows. */
export const WRITING_AREAS = ['values', 'plan', 'outcomes'] as const
export type WritingArea = (typeof WRITING_AREAS)[number]
/** The one entry of the `plan` area: the plan's own fields (its outcome rows are entries of `outcomes`). */
export const PLAN_ENTRY_ID = 'plan'
/** The plan's field holding its outcome rows (programPlan.ts' PLAN_FIELDS.outcomes). */
const OUTCOMES_FIELD = 'outcomes'

/** A field as it travels: a plain value, a text (a Y.Text in the document) or a list of texts (a Y.Array). */
export type WritingValue = string | number | boolean | null | { text: string } | { list: string[] }
export type WritingEntry = Record<string, WritingValue>
/**
 * A laptop's change to an entry: the fields it changed as they now are (the whole entry when
 * new; null: deleted), and the same fields as the laptop last had them from the host (null: the
 * entry was not there).
 */
export interface WritingChange {
  now: WritingEntry | null
  base: WritingEntry | null
}

const isText = (value: WritingValue | undefined): value is { text: string } =>
  typeof value === 'object' && value !== null && 'text' in value
const isList = (value: WritingValue | undefined): value is { list: string[] } =>
  typeof value === 'object' && value !== null && 'list' in value

/** Whether two entries (or fields) are the same. */
export const sameWriting = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

// ——— Reading and writing entries in a document ———

function outcomesOf(doc: Y.Doc, make: boolean): Y.Map<unknown> | null {
  const plan = doc.getMap<unknown>(DOC_KEYS.plan)
  const outcomes = plan.get(OUTCOMES_FIELD)
  if (outcomes instanceof Y.Map) return outcomes as Y.Map<unknown>
  if (!make) return null
  const made = new Y.Map<unknown>()
  plan.set(OUTCOMES_FIELD, made)
  return made
}

/** The map holding an area's entries (null: the plan has no rows yet); for `plan`, the plan itself. */
function containerOf(doc: Y.Doc, area: WritingArea, make: boolean): Y.Map<unknown> | null {
  if (area === 'values') return doc.getMap<unknown>(DOC_KEYS.values)
  if (area === 'outcomes') return outcomesOf(doc, make)
  return null
}

/** An entry's Y.Map, or null. */
export function writingEntryOf(doc: Y.Doc, area: WritingArea, id: string): Y.Map<unknown> | null {
  if (area === 'plan') return id === PLAN_ENTRY_ID ? doc.getMap<unknown>(DOC_KEYS.plan) : null
  const entry = containerOf(doc, area, false)?.get(id)
  return entry instanceof Y.Map ? (entry as Y.Map<unknown>) : null
}

/** The ids of an area's entries in `doc`. */
export function writingEntryIds(doc: Y.Doc, area: WritingArea): string[] {
  if (area === 'plan') return [PLAN_ENTRY_ID]
  const container = containerOf(doc, area, false)
  return container ? [...container.keys()].filter((id) => container.get(id) instanceof Y.Map) : []
}

/** A field as it travels; undefined for any other kind (the plan's rows, anything odd a peer wrote). */
function travellingValue(value: unknown): WritingValue | undefined {
  if (value instanceof Y.Text) return { text: value.toString() }
  if (value instanceof Y.Array) return { list: value.toArray().filter((item): item is string => typeof item === 'string') }
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  return undefined
}

/** An entry's fields as they travel (those of another kind left out); null: no entry. */
export function readWritingEntry(entry: Y.Map<unknown> | null): WritingEntry | null {
  if (!entry) return null
  const fields: WritingEntry = {}
  for (const [field, value] of entry.entries()) {
    const travelling = travellingValue(value)
    if (travelling !== undefined) fields[field] = travelling
  }
  return fields
}

/** A field's value as the document holds it. */
function documentValue(value: WritingValue): unknown {
  if (isText(value)) return new Y.Text(value.text)
  if (isList(value)) return Y.Array.from(value.list)
  return value
}

/** Code points, so a merge never splits an emoji. */
const codePoints = (text: string): string[] => Array.from(text)
const utf16Length = (points: readonly string[]): number => points.reduce((length, point) => length + point.length, 0)

/** Makes `text` read `target` with the smallest edits, so anyone's caret elsewhere in it stays put. */
function writeText(text: Y.Text, target: string): void {
  const current = codePoints(text.toString())
  const wanted = codePoints(target)
  // From the end, so the offsets of the edits still to come hold.
  for (const hunk of diffIndices(current, wanted).reverse()) {
    const [offset, length] = hunk.buffer1
    const at = utf16Length(current.slice(0, offset))
    const removed = utf16Length(current.slice(offset, offset + length))
    if (removed > 0) text.delete(at, removed)
    if (hunk.buffer2Content.length > 0) text.insert(at, hunk.buffer2Content.join(''))
  }
}

function writeList(list: Y.Array<unknown>, target: readonly string[]): void {
  const current = list.toArray().map((item) => (typeof item === 'string' ? item : JSON.stringify(item)))
  for (const hunk of diffIndices(current, [...target]).reverse()) {
    const [offset, length] = hunk.buffer1
    if (length > 0) list.delete(offset, length)
    if (hunk.buffer2Content.length > 0) list.insert(offset, hunk.buffer2Content)
  }
}

/**
 * Makes an entry read `target` (null: deleted), changing only what differs: texts and lists by
 * their smallest edits, in place. Call inside a transaction.
 */
export function writeWritingEntry(doc: Y.Doc, area: WritingArea, id: string, target: WritingEntry | null): void {
  if (area === 'plan') {
    if (id !== PLAN_ENTRY_ID || target === null) return
  }
  const existing = writingEntryOf(doc, area, id)
  if (target === null) {
    if (existing) containerOf(doc, area, false)?.delete(id)
    return
  }
  if (!existing) {
    const entry = new Y.Map<unknown>(Object.entries(target).map(([field, value]) => [field, documentValue(value)]))
    containerOf(doc, area, true)!.set(id, entry)
    return
  }
  for (const [field, value] of Object.entries(target)) {
    const current = existing.get(field)
    if (isText(value) && current instanceof Y.Text) writeText(current, value.text)
    else if (isList(value) && current instanceof Y.Array) writeList(current as Y.Array<unknown>, value.list)
    else if (current === undefined || !sameWriting(travellingValue(current), value)) existing.set(field, documentValue(value))
  }
  // A plain field taken out (none of ours is; a peer's odd one can be).
  for (const field of [...existing.keys()]) {
    const current = existing.get(field)
    if (!(field in target) && !(current instanceof Y.AbstractType)) existing.delete(field)
  }
}

// ——— Merging ———

/** Whether `whole` holds `part` as one run. */
function holds<T>(whole: readonly T[], part: readonly T[]): boolean {
  for (let start = 0; start + part.length <= whole.length; start++) {
    if (part.every((item, index) => whole[start + index] === item)) return true
  }
  return false
}

/**
 * A three-way merge of two sequences changed from one base: every change of either side kept.
 * Where both changed the same stretch differently, the one that holds the other's words (one
 * typed on where the other stopped); else `mine` and then `theirs`: both keep their words.
 */
export function mergeSequences<T>(base: readonly T[], theirs: readonly T[], mine: readonly T[]): T[] {
  const merged: T[] = []
  for (const region of diff3Merge<T>([...mine], [...base], [...theirs], { excludeFalseConflicts: true })) {
    if (region.ok) merged.push(...region.ok)
    else if (region.conflict) {
      const { a: ours, b: others } = region.conflict
      if (holds(ours, others)) merged.push(...ours)
      else if (holds(others, ours)) merged.push(...others)
      else merged.push(...ours, ...others)
    }
  }
  return merged
}

/** One field merged; with no base or no field of the same kind on the board, this side's. */
function mergeField(base: WritingValue | undefined, theirs: WritingValue | undefined, mine: WritingValue): WritingValue {
  if (isText(mine)) {
    if (!isText(base) || !isText(theirs)) return mine
    return { text: mergeSequences(codePoints(base.text), codePoints(theirs.text), codePoints(mine.text)).join('') }
  }
  if (isList(mine)) {
    if (!isList(base) || !isList(theirs)) return mine
    return { list: mergeSequences(base.list, theirs.list, mine.list) }
  }
  // A plain value: mine if I changed it, else theirs.
  return theirs !== undefined && sameWriting(mine, base) ? theirs : mine
}

/**
 * One entry merged three ways: `base` as both sides last shared it, `theirs` as it is now in the
 * board, `mine` as this side has it (or only the fields this side changed: the rest are
 * theirs). A deletion on either side wins over edits.
 */
export function mergeWritingEntry(base: WritingEntry | null, theirs: WritingEntry | null, mine: WritingEntry | null): WritingEntry | null {
  if (mine === null || (theirs === null && base !== null)) return null
  if (theirs === null) return mine
  const merged: WritingEntry = { ...theirs }
  for (const [field, value] of Object.entries(mine)) merged[field] = mergeField(base?.[field], theirs[field], value)
  return merged
}
