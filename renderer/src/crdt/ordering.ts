/**
 * Order within a column by fractional index (never by array position), so two people who
 * move notes at the same time both keep their intent. Pure functions: no Yjs here.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing'

export interface Ordered {
  id: string
  order: string
}

/**
 * Sorts by order key, then by id. Two peers can pick the same key for different notes at
 * the same moment; the id decides between them, so every peer shows the same order.
 * Code-unit comparison on purpose: fractional keys are ordered by bytes, not by locale.
 */
export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1
  if (a.id !== b.id) return a.id < b.id ? -1 : 1
  return 0
}

/** `count` evenly spread keys in ascending order, for a fresh list such as a template's columns. */
export function initialOrders(count: number): string[] {
  return generateNKeysBetween(null, null, count)
}

/**
 * Where a moved note lands among `siblings` (sorted, without the note itself), given the
 * notes the person dropped it between. A neighbour someone else moved or deleted meanwhile
 * is skipped in favour of the other one; with neither left, the note goes last.
 */
export function insertionIndex(siblings: readonly Ordered[], beforeId: string | null, afterId: string | null): number {
  const before = beforeId === null ? -1 : siblings.findIndex((sibling) => sibling.id === beforeId)
  if (before >= 0) return before + 1
  const after = afterId === null ? -1 : siblings.findIndex((sibling) => sibling.id === afterId)
  if (after >= 0) return after
  if (beforeId === null && afterId !== null) return 0
  return siblings.length
}

export interface Placement {
  /** The order key for the note being placed. */
  order: string
  /** Siblings that had to get new keys to make room, in the same relative order as before. */
  rekeyed: Ordered[]
}

/** An order key that puts a note at `index` among `siblings` (sorted by compareOrdered). */
export function placeAt(siblings: readonly Ordered[], index: number): Placement {
  const at = Math.max(0, Math.min(index, siblings.length))
  const lower = siblings[at - 1]?.order ?? null
  const upper = siblings[at]?.order ?? null
  try {
    if (lower === null || upper === null || lower < upper) {
      return { order: generateKeyBetween(lower, upper), rekeyed: [] }
    }
    // Both neighbours share one key (concurrent peers chose it): no key fits between them.
    // Give the run of notes holding that key fresh keys above it, keeping their order.
    let end = at
    while (end < siblings.length && siblings[end]!.order <= lower) end++
    const keys = generateNKeysBetween(lower, siblings[end]?.order ?? null, end - at + 1)
    return {
      order: keys[0]!,
      rekeyed: siblings.slice(at, end).map((sibling, i) => ({ id: sibling.id, order: keys[i + 1]! }))
    }
  } catch {
    // A key that is not a valid fractional index (from a faulty peer or an edited file):
    // renumber the whole column in its current order rather than refuse the move.
    const keys = generateNKeysBetween(null, null, siblings.length + 1)
    return {
      order: keys[at]!,
      rekeyed: siblings.map((sibling, i) => ({ id: sibling.id, order: keys[i < at ? i : i + 1]! }))
    }
  }
}
