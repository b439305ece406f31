/**
 * The host's side of anonymous board changes (shared/boardPatch.ts): a laptop's patch, written
 * into the board as the host's own change, each patch of a laptop's stream once and in order.
 */
import * as Y from 'yjs'
import { PATCHED_MAPS, type BoardChanges } from '../../shared/boardPatch'
import { sameJson } from '../../shared/canonicalJson'
import { mergeWork, mergeWritingEntry, readWritingEntry, writeWritingEntry, writingEntryOf, WRITING_AREAS } from '../../shared/sharedWriting'

/** How many laptops' streams the host remembers the last written patch of. */
const REMEMBERED_STREAMS = 10_000

/**
 * Writes `changes` into `doc` in one transaction: each note or cluster as it now is, or deleted;
 * each entry of shared writing merged with what the board has now. Returns the diffing it cost
 * (sharedWriting.ts' MergeWork), for the link to be charged with.
 */
export function writeBoardChanges(doc: Y.Doc, changes: BoardChanges, origin: unknown): number {
  const work = mergeWork()
  doc.transact(() => {
    for (const mapName of PATCHED_MAPS) {
      const map = doc.getMap<unknown>(mapName)
      for (const [id, fields] of Object.entries(changes[mapName] ?? {})) {
        if (fields === null) {
          map.delete(id)
          continue
        }
        const entry = map.get(id)
        if (!(entry instanceof Y.Map)) {
          map.set(id, new Y.Map<unknown>(Object.entries(fields)))
          continue
        }
        for (const [field, value] of Object.entries(fields)) {
          if (!sameJson(entry.get(field), value)) entry.set(field, value)
        }
        for (const field of [...entry.keys()]) if (!(field in fields)) entry.delete(field)
      }
    }
    for (const area of WRITING_AREAS) {
      for (const [id, { now, base }] of Object.entries(changes[area] ?? {})) {
        const merged = mergeWritingEntry(base, readWritingEntry(writingEntryOf(doc, area, id)), now, work)
        writeWritingEntry(doc, area, id, merged, work)
      }
    }
  }, origin)
  return work.cells
}

/** Which patches of each stream the host has written: a patch re-sent on a new link is not written twice. */
export function createPatchLedger() {
  const written = new Map<string, number>()
  return {
    /** True, and noted, when this patch comes next in its stream; false for one already written. */
    take(ticket: string, stream: string, seq: number): boolean {
      const key = `${ticket}/${stream}`
      if (seq <= (written.get(key) ?? 0)) return false
      written.delete(key)
      written.set(key, seq)
      if (written.size > REMEMBERED_STREAMS) written.delete(written.keys().next().value!)
      return true
    }
  }
}
