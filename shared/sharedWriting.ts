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
import { diffIndices } from 'node-diff3'
import { DOC_KEYS } from './board'
import { sameJson } from './canonicalJson'

/** Where shared writing lives: the values' entries, the plan's own fields (one entry), the plan's outcome rows. */
export const WRITING_AREAS = ['values', 'plan', 'outcomes'] as const
export type WritingArea = (typeof WRITING_AREAS)[number]
/** The one entry of the `plan` area: the plan's own fields (its outcome rows are entries of `outcomes`). */
export const PLAN_ENTRY_ID = 'plan'
/** The plan's field holding its outcome rows (programPlan.ts' PLAN_FIELDS.outcomes is this). */
export const PLAN_OUTCOMES_FIELD = 'outcomes'

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

// ——— Differences ———

/**
 * The diffing a patch may cost, counted in cells of the longest-common-subsequence tables
 * (a 1,000-character stretch against another is a million): typing costs next to nothing, as
 * only the stretch that changed is compared; a patch made to be costly stops being diffed
 * finely once it has spent its share, and the host counts what each link spends.
 */
export interface MergeWork {
  cells: number
  limit: number
}
/** Per patch: ~0.1–0.2 s of the host's time at most. */
export const PATCH_MERGE_CELLS = 20_000_000
/** A stretch larger than this is replaced whole, not diffed. */
const STRETCH_CELLS = 1_000_000
export const mergeWork = (limit = PATCH_MERGE_CELLS): MergeWork => ({ cells: 0, limit })

/** Replace `base[start, end)` with `insert`. */
interface Hunk<T> {
  start: number
  end: number
  insert: T[]
}

/**
 * What changed from `base` to `side`, as hunks in order. The common start and end are left out
 * first, so only the stretch between them is diffed.
 */
function hunksOf<T>(base: readonly T[], side: readonly T[], work: MergeWork): Hunk<T>[] {
  let head = 0
  while (head < base.length && head < side.length && base[head] === side[head]) head++
  let tail = 0
  while (tail < base.length - head && tail < side.length - head && base[base.length - 1 - tail] === side[side.length - 1 - tail]) tail++
  const from = base.slice(head, base.length - tail)
  const to = side.slice(head, side.length - tail)
  if (from.length === 0 && to.length === 0) return []
  const cells = from.length * to.length
  if (cells > STRETCH_CELLS || work.cells + cells > work.limit) {
    work.cells += from.length + to.length
    return [{ start: head, end: head + from.length, insert: [...to] }]
  }
  work.cells += cells
  return diffIndices([...from], [...to]).map((hunk) => ({
    start: head + hunk.buffer1[0],
    end: head + hunk.buffer1[0] + hunk.buffer1[1],
    insert: hunk.buffer2Content
  }))
}

// ——— Reading and writing entries in a document ———

function outcomesOf(doc: Y.Doc, make: boolean): Y.Map<unknown> | null {
  const plan = doc.getMap<unknown>(DOC_KEYS.plan)
  const outcomes = plan.get(PLAN_OUTCOMES_FIELD)
  if (outcomes instanceof Y.Map) return outcomes as Y.Map<unknown>
  if (!make) return null
  const made = new Y.Map<unknown>()
  plan.set(PLAN_OUTCOMES_FIELD, made)
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
function writeText(text: Y.Text, target: string, work: MergeWork): void {
  const current = codePoints(text.toString())
  // From the end, so the offsets of the edits still to come hold.
  for (const { start, end, insert } of hunksOf(current, codePoints(target), work).reverse()) {
    const at = utf16Length(current.slice(0, start))
    const removed = utf16Length(current.slice(start, end))
    if (removed > 0) text.delete(at, removed)
    if (insert.length > 0) text.insert(at, insert.join(''))
  }
}

function writeList(list: Y.Array<unknown>, target: readonly string[], work: MergeWork): void {
  const current = list.toArray().map((item) => (typeof item === 'string' ? item : JSON.stringify(item)))
  for (const { start, end, insert } of hunksOf(current, target, work).reverse()) {
    if (end > start) list.delete(start, end - start)
    if (insert.length > 0) list.insert(start, insert)
  }
}

/**
 * Makes an entry read `target` (null: deleted), changing only what differs: texts and lists by
 * their smallest edits, in place. Call inside a transaction.
 */
export function writeWritingEntry(doc: Y.Doc, area: WritingArea, id: string, target: WritingEntry | null, work: MergeWork): void {
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
    if (isText(value) && current instanceof Y.Text) writeText(current, value.text, work)
    else if (isList(value) && current instanceof Y.Array) writeList(current as Y.Array<unknown>, value.list, work)
    else if (current === undefined || !sameJson(travellingValue(current), value)) existing.set(field, documentValue(value))
  }
  // A plain field taken out (none of ours is; a peer's odd one can be).
  for (const field of [...existing.keys()]) {
    const current = existing.get(field)
    if (!(field in target) && !(current instanceof Y.AbstractType)) existing.delete(field)
  }
}

// ——— Merging ———

/** Whether `whole` holds `part` as one run (not looked for in stretches too large to search). */
function holds<T>(whole: readonly T[], part: readonly T[]): boolean {
  if (whole.length * part.length > STRETCH_CELLS) return false
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
export function mergeSequences<T>(base: readonly T[], theirs: readonly T[], mine: readonly T[], work: MergeWork = mergeWork()): T[] {
  const hunks = [
    ...hunksOf(base, mine, work).map((hunk) => ({ ...hunk, mine: true })),
    ...hunksOf(base, theirs, work).map((hunk) => ({ ...hunk, mine: false }))
  ].sort((a, b) => a.start - b.start || a.end - b.end)
  const merged: T[] = []
  let at = 0
  for (let next = 0; next < hunks.length; ) {
    // A run of hunks that touch the same stretch of the base: two insertions at one place, or any that overlap.
    const first = hunks[next]!
    let end = first.end
    let last = next + 1
    while (last < hunks.length) {
      const hunk = hunks[last]!
      const samePlace = hunk.start === first.start && hunk.start === hunk.end && first.start === end
      if (hunk.start >= end && !samePlace) break
      end = Math.max(end, hunk.end)
      last++
    }
    const run = hunks.slice(next, last)
    merged.push(...base.slice(at, first.start))
    const versionOf = (side: boolean) => {
      const version: T[] = []
      let from = first.start
      for (const hunk of run.filter((candidate) => candidate.mine === side)) {
        version.push(...base.slice(from, hunk.start), ...hunk.insert)
        from = hunk.end
      }
      return [...version, ...base.slice(from, end)]
    }
    if (run.every((hunk) => hunk.mine === run[0]!.mine)) merged.push(...versionOf(run[0]!.mine))
    else {
      const ours = versionOf(true)
      const others = versionOf(false)
      if (holds(ours, others)) merged.push(...ours)
      else if (holds(others, ours)) merged.push(...others)
      else merged.push(...ours, ...others)
    }
    at = end
    next = last
  }
  return [...merged, ...base.slice(at)]
}

/** One field merged; with no base or no field of the same kind on the board, this side's. */
function mergeField(base: WritingValue | undefined, theirs: WritingValue | undefined, mine: WritingValue, work: MergeWork): WritingValue {
  if (isText(mine)) {
    if (!isText(base) || !isText(theirs)) return mine
    return { text: mergeSequences(codePoints(base.text), codePoints(theirs.text), codePoints(mine.text), work).join('') }
  }
  if (isList(mine)) {
    if (!isList(base) || !isList(theirs)) return mine
    return { list: mergeSequences(base.list, theirs.list, mine.list, work) }
  }
  // A plain value: mine if I changed it, else theirs.
  return theirs !== undefined && sameJson(mine, base) ? theirs : mine
}

/**
 * One entry merged three ways: `base` as both sides last shared it, `theirs` as it is now in the
 * board, `mine` as this side has it (or only the fields this side changed: the rest are
 * theirs). A deletion on either side wins over edits.
 */
export function mergeWritingEntry(
  base: WritingEntry | null,
  theirs: WritingEntry | null,
  mine: WritingEntry | null,
  work: MergeWork = mergeWork()
): WritingEntry | null {
  if (mine === null || (theirs === null && base !== null)) return null
  if (theirs === null) return mine
  const merged: WritingEntry = { ...theirs }
  for (const [field, value] of Object.entries(mine)) merged[field] = mergeField(base?.[field], theirs[field], value, work)
  return merged
}
