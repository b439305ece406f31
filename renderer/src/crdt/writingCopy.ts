/**
 * Anonymous mode, while live, for what the group writes together (values, the plan): the
 * laptop's side of shared/sharedWriting.ts. The values and plan models work on this copy;
 * what this person changes in an entry goes to the host in a patch, with those fields as the
 * host last had them (the base), and the host writes the merge as its own change. None of the
 * copy's own Yjs writes ever leaves this laptop.
 *
 * The copy is not a replica of the board: it takes the board's writing entry by entry, merged
 * three ways with what is typed here, so the host's write of this person's own words never
 * shows twice. While a patch with an entry is on its way, the board's changes to that entry
 * wait: the host writes patches in order and says one is written only after its write has
 * left, so when it says so the board holds the write, and the copy merges with the entry as
 * sent as its base. A later patch takes the entry as sent in the one before as its base, so
 * patches go on being sent (and kept in the browser, unsentPatches.ts) while the host is out
 * of reach.
 */
import * as Y from 'yjs'
import { PATCHED_COPY_CLIENT_ID, WRITING_LIMITS, type BoardChanges } from '../../../shared/boardPatch'
import { sameJson } from '../../../shared/canonicalJson'
import { DOC_KEYS } from '../../../shared/board'
import {
  mergeWork,
  mergeWritingEntry,
  PLAN_ENTRY_ID,
  PLAN_OUTCOMES_FIELD,
  readWritingEntry,
  writeWritingEntry,
  writingEntryIds,
  writingEntryOf,
  WRITING_AREAS,
  type WritingArea,
  type WritingChange,
  type WritingEntry
} from '../../../shared/sharedWriting'
import { changedEntries, type AnonymousCopy } from './anonymousCopy'

/** A live participant's link to the host for patches (liveSync.ts' LiveConnection has both). */
export interface PatchLink {
  /** Sends a patch; returns its number in this page's stream. */
  patchBoard(changes: BoardChanges): number
  /** Calls `listener` with each number of this page's stream the host says it wrote; returns its disposer. */
  onPatchWritten(listener: (seq: number) => void): () => void
}

/**
 * Typing goes to the host at most this often: a burst of keystrokes then reaches the board as
 * a few runs of text, not an item per keystroke (the saved document would grow by a third).
 */
export const SEND_EVERY_MS = 200

/** The copy's writes that take the board's entries; every other transaction is this person's. */
const FROM_BOARD = 'writing-from-board'

type Key = `${WritingArea}/${string}`
const keyOf = (area: WritingArea, id: string): Key => `${area}/${id}`
const splitKey = (key: Key): [WritingArea, string] => {
  const slash = key.indexOf('/')
  return [key.slice(0, slash) as WritingArea, key.slice(slash + 1)]
}

/** The plan's entries (its own fields, its rows) a transaction's events on the plan map touched. */
function touchedPlan(plan: Y.Map<unknown>, events: ReadonlyArray<Y.YEvent<Y.AbstractType<unknown>>>, keys: Set<Key>): void {
  for (const event of events) {
    const [field, rowId] = event.path
    if (event.target === plan) {
      for (const key of event.keys.keys()) {
        if (key !== PLAN_OUTCOMES_FIELD) keys.add(keyOf('plan', PLAN_ENTRY_ID))
        // The rows' map made or replaced: the rows in it came with it.
        else for (const id of writingEntryIds(plan.doc!, 'outcomes')) keys.add(keyOf('outcomes', id))
      }
    } else if (field !== PLAN_OUTCOMES_FIELD) keys.add(keyOf('plan', PLAN_ENTRY_ID))
    else if (event.path.length === 1) for (const id of event.keys.keys()) keys.add(keyOf('outcomes', id))
    else if (typeof rowId === 'string') keys.add(keyOf('outcomes', rowId))
  }
}

/** Calls `onChange` with the writing entries each transaction of `doc` touched (and its origin). */
function watchWriting(doc: Y.Doc, onChange: (keys: Set<Key>, origin: unknown) => void): () => void {
  const values = doc.getMap<unknown>(DOC_KEYS.values)
  const plan = doc.getMap<unknown>(DOC_KEYS.plan)
  let touched = new Set<Key>()
  const observeValues = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    for (const id of changedEntries(values, events)) touched.add(keyOf('values', id))
  }
  const observePlan = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => touchedPlan(plan, events, touched)
  const after = (transaction: Y.Transaction) => {
    if (touched.size === 0) return
    const keys = touched
    touched = new Set()
    onChange(keys, transaction.origin)
  }
  values.observeDeep(observeValues)
  plan.observeDeep(observePlan)
  doc.on('afterTransaction', after)
  return () => {
    values.unobserveDeep(observeValues)
    plan.unobserveDeep(observePlan)
    doc.off('afterTransaction', after)
  }
}

/**
 * What a patch carries of an entry: the fields this side changed since `base`, as they now are
 * and as they were (the host merges those and keeps the rest); a new or deleted entry whole.
 */
function changedFields(now: WritingEntry | null, base: WritingEntry | null): WritingChange {
  if (now === null || base === null) return { now, base }
  const changed = Object.keys(now).filter((field) => !sameJson(now[field], base[field]))
  const pick = (entry: WritingEntry) => Object.fromEntries(changed.filter((field) => field in entry).map((field) => [field, entry[field]!]))
  return { now: pick(now), base: pick(base) }
}

export function createWritingCopy(board: Y.Doc, link: PatchLink): AnonymousCopy {
  const copy = new Y.Doc({ gc: board.gc })
  copy.clientID = PATCHED_COPY_CLIENT_ID
  /** Each entry as the board had it when the copy last took it (null: not there). */
  const bases = new Map<Key, WritingEntry | null>()
  /** Entries changed here and not yet sent. */
  const unsent = new Set<Key>()
  /** Entries in patches on their way: the last patch carrying each, and the entry as sent in it. */
  const onItsWay = new Map<Key, { seq: number; sent: WritingEntry | null }>()

  const read = (doc: Y.Doc, key: Key) => readWritingEntry(writingEntryOf(doc, ...splitKey(key)))

  /** The copy's entry takes the board's, merged with this person's changes since `base`. */
  const take = (key: Key, base: WritingEntry | null) => {
    const theirs = read(board, key)
    const mine = read(copy, key)
    const merged = sameJson(mine, base) ? theirs : mergeWritingEntry(base, theirs, mine)
    bases.set(key, theirs)
    if (!sameJson(mine, merged)) copy.transact(() => writeWritingEntry(copy, ...splitKey(key), merged, mergeWork()), FROM_BOARD)
    if (sameJson(merged, theirs)) unsent.delete(key)
    else unsent.add(key)
  }

  let lastSent = -Infinity
  let sendTimer: ReturnType<typeof setTimeout> | undefined
  const send = () => {
    if (unsent.size === 0 || sendTimer !== undefined) return
    const wait = lastSent + SEND_EVERY_MS - Date.now()
    if (wait > 0) {
      sendTimer = setTimeout(() => {
        sendTimer = undefined
        send()
      }, wait)
      return
    }
    sendNow()
  }
  const sendNow = () => {
    lastSent = Date.now()
    const changes: BoardChanges = {}
    const sent = new Map<Key, WritingEntry | null>()
    for (const key of unsent) {
      if (sent.size === WRITING_LIMITS.entries) break
      unsent.delete(key)
      const now = read(copy, key)
      const base = onItsWay.has(key) ? onItsWay.get(key)!.sent : (bases.get(key) ?? null)
      if (sameJson(now, base)) continue
      const [area, id] = splitKey(key)
      changes[area] = { ...changes[area], [id]: changedFields(now, base) }
      sent.set(key, now)
    }
    if (sent.size > 0) {
      const seq = link.patchBoard(changes)
      for (const [key, entry] of sent) onItsWay.set(key, { seq, sent: entry })
    }
    // More entries than one patch may carry (values made from every cluster at once): the rest go next.
    send()
  }

  copy.transact(() => {
    for (const area of WRITING_AREAS) {
      for (const id of writingEntryIds(board, area)) {
        const entry = read(board, keyOf(area, id))
        writeWritingEntry(copy, area, id, entry, mergeWork())
        bases.set(keyOf(area, id), entry)
      }
    }
  }, FROM_BOARD)

  const stopWatchingCopy = watchWriting(copy, (keys, origin) => {
    if (origin === FROM_BOARD) return
    for (const key of keys) unsent.add(key)
    send()
  })
  const stopWatchingBoard = watchWriting(board, (keys) => {
    for (const key of keys) if (!onItsWay.has(key)) take(key, bases.get(key) ?? null)
    send()
  })
  const stopHearing = link.onPatchWritten((seq) => {
    // The board now holds the host's write of what was sent: merged from it, what was typed since stays.
    for (const [key, { seq: last, sent }] of onItsWay) {
      if (last > seq) continue
      onItsWay.delete(key)
      take(key, sent)
    }
    send()
  })

  return {
    doc: copy,
    destroy() {
      // What is typed but not sent still goes (the copy is rebuilt when anonymity is switched, or the screen closes).
      while (unsent.size > 0) sendNow()
      clearTimeout(sendTimer)
      stopHearing()
      stopWatchingBoard()
      stopWatchingCopy()
      copy.destroy()
    }
  }
}
