/**
 * Anonymous mode's rounds, mixed by the host. Laptops hand their revealed notes, ballots,
 * fist-of-five scores and emotion ratings to the host only (shared/roundSubmissions.ts); the
 * host holds a round's submissions until the facilitator closes it and every laptop in the room
 * has handed in its part (or COLLECT_MS have passed), then writes them into the board as its
 * own change, all in one transaction and in a random order. Nothing in the board then says who
 * wrote what, or which entries came from one person, or when each arrived.
 *
 * - One submission counts per ticket (a person) and round; a repeat replaces it.
 * - Thresholds are the host's: a value's fist-of-five scores or a journey stage's ratings are
 *   written only when at least k people gave one (k = the room's minimum group, which
 *   readRoomRules never reads below SMALLEST_GROUP, whatever `meta` holds); otherwise the board holds "fewer than k" and the count, never the scores.
 * - A submission that arrives after the release (a latecomer) is held until at least k others
 *   can go with it; the facilitator's screen shows how many are waiting.
 *
 * In memory only: after a host restart laptops hand their parts in again on their new links;
 * entry keys are derived from each ballot's own random key, so a repeat lands on the same key.
 */
import { randomInt } from 'node:crypto'
import nacl from 'tweetnacl'
import * as Y from 'yjs'
import { DOC_KEYS } from '../../shared/board'
import { sameJson } from '../../shared/canonicalJson'
import { isEmptyPart, revealedNoteFields, type Submission, type SubmittedNote } from '../../shared/roundSubmissions'
import { readRoomRules, ROUNDS, type RoomRules, type Round } from '../../shared/workshopMeta'

/** How long after a round closes the host waits for laptops that have not handed in their part. */
export const COLLECT_MS = 2_000

export interface RoundMixerOptions {
  doc: Y.Doc
  /** The origin of the host's own changes. */
  origin: unknown
  /** Tickets with a link open now: the laptops whose parts a closed round waits for. */
  linkedTickets(): Set<string>
  /** Called when the latecomers held (may) have changed: the room's count, and whose (heldFor). */
  onWaitingChange(): void
}

interface RoundBox {
  closed: boolean
  released: boolean
  /** Handed in since the round last closed: the release waits for every linked ticket. */
  inSinceClose: Set<string>
  /** Ticket → its part, released (or to be released) with the round. */
  admitted: Map<string, Submission>
  /** Ticket → a part that came after the release, held until k can go together. */
  late: Map<string, Submission>
  /** Keys of the entries the host wrote for this round, to remove one a changed ballot no longer has. */
  written: Set<string>
  timer: NodeJS.Timeout | undefined
}

const ROUND_MAP: Record<Exclude<Round, 'brainstorm'>, string> = {
  votes: DOC_KEYS.votes,
  consensus: DOC_KEYS.consensus,
  emotions: DOC_KEYS.emotions
}

/** An entry key from a ballot's random key and what it is about: stable across repeats, unlinkable without the ballot's key. */
function entryKey(...parts: string[]): string {
  const digest = nacl.hash(new TextEncoder().encode(parts.join('\u0000')))
  return Buffer.from(digest.subarray(0, 12)).toString('hex')
}

function shuffled<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[items[i], items[j]] = [items[j]!, items[i]!]
  }
  return items
}

/** Notes of `next` added to those of `previous` (a person's notes are never taken back once handed in). */
function withNotes(previous: Submission | undefined, next: Submission): Submission {
  if (next.round !== 'brainstorm' || previous?.round !== 'brainstorm') return next
  const notes = new Map(previous.notes.map((note) => [note.id, note]))
  for (const note of next.notes) notes.set(note.id, note)
  return { ...next, notes: [...notes.values()] }
}

/** The held latecomers join the round's admitted parts. */
function admitLate(box: RoundBox): void {
  for (const [ticket, late] of box.late) box.admitted.set(ticket, withNotes(box.admitted.get(ticket), late))
  box.late.clear()
}

export class RoundMixer {
  private readonly boxes = new Map<Round, RoundBox>(
    ROUNDS.map((round) => [
      round,
      { closed: false, released: false, inSinceClose: new Set(), admitted: new Map(), late: new Map(), written: new Set(), timer: undefined }
    ])
  )
  private readonly meta: Y.Map<unknown>
  private current: RoomRules

  constructor(private readonly options: RoundMixerOptions) {
    this.meta = options.doc.getMap(DOC_KEYS.meta)
    this.current = this.readRules()
    // A round already closed when the host starts was released before: what comes now is late.
    for (const round of ROUNDS) {
      const box = this.boxes.get(round)!
      box.closed = box.released = this.current.closed[round]
    }
    this.meta.observe(this.onMetaChange)
  }

  get rules(): RoomRules {
    return this.current
  }

  /** Parts held per round because they came after its release. */
  waiting(): Record<Round, number> {
    return Object.fromEntries(ROUNDS.map((round) => [round, this.boxes.get(round)!.late.size])) as Record<Round, number>
  }

  /** The rounds in which `ticket` has a part held back. */
  heldFor(ticket: string): Round[] {
    return ROUNDS.filter((round) => this.boxes.get(round)!.late.has(ticket))
  }

  /** A laptop's part of a round. With anonymity off laptops write their own, and this is ignored. */
  receive(ticket: string, submission: Submission): void {
    if (!this.current.anonymous) return
    const box = this.boxes.get(submission.round)!
    if (!box.released) {
      box.admitted.set(ticket, withNotes(box.admitted.get(ticket), submission))
      if (box.closed) {
        box.inSinceClose.add(ticket)
        this.releaseWhenAllIn(submission.round)
      }
      return
    }
    // Nothing to hold: an empty part would tell its sender it was held back, and would count
    // towards the k that lets another latecomer's part go, which would then go alone.
    if (isEmptyPart(submission) || this.alreadyReleased(box.admitted.get(ticket), submission)) return
    box.late.set(ticket, withNotes(box.late.get(ticket), submission))
    if (box.late.size >= this.current.minGroup) {
      admitLate(box)
      this.write(submission.round)
    }
    this.options.onWaitingChange()
  }

  /** A laptop's link closed or opened: a closed round may now have every part it waits for. */
  linksChanged(): void {
    for (const round of ROUNDS) this.releaseWhenAllIn(round)
  }

  destroy(): void {
    this.meta.unobserve(this.onMetaChange)
    for (const box of this.boxes.values()) clearTimeout(box.timer)
  }

  private readRules(): RoomRules {
    return readRoomRules((key) => this.meta.get(key))
  }

  private readonly onMetaChange = () => {
    this.current = this.readRules()
    for (const round of ROUNDS) {
      const box = this.boxes.get(round)!
      const closed = this.current.closed[round]
      if (closed === box.closed) continue
      box.closed = closed
      box.released = false
      clearTimeout(box.timer)
      box.timer = undefined
      if (closed) {
        box.inSinceClose.clear()
        box.timer = setTimeout(() => this.release(round), COLLECT_MS)
        box.timer.unref()
        this.releaseWhenAllIn(round)
      } else {
        // Reopened: latecomers go with everyone at the next close.
        admitLate(box)
        this.options.onWaitingChange()
      }
    }
  }

  private releaseWhenAllIn(round: Round): void {
    const box = this.boxes.get(round)!
    if (!box.closed || box.released) return
    for (const ticket of this.options.linkedTickets()) if (!box.inSinceClose.has(ticket)) return
    this.release(round)
  }

  private release(round: Round): void {
    const box = this.boxes.get(round)!
    clearTimeout(box.timer)
    box.timer = undefined
    if (box.released || !box.closed) return
    box.released = true
    this.write(round)
  }

  private alreadyReleased(admitted: Submission | undefined, next: Submission): boolean {
    if (!admitted) return false
    if (next.round === 'brainstorm' && admitted.round === 'brainstorm') {
      const known = new Set(admitted.notes.map((note) => note.id))
      return next.notes.every((note) => known.has(note.id))
    }
    return sameJson(admitted, next)
  }

  /** Writes the round's admitted parts as they should stand, in one change, in a random order. */
  private write(round: Round): void {
    if (!this.current.anonymous) return
    if (round === 'brainstorm') return this.writeNotes()
    const box = this.boxes.get(round)!
    const desired = this.entriesOf(round, [...box.admitted.values()])
    const map = this.options.doc.getMap<unknown>(ROUND_MAP[round])
    const changes = shuffled([...desired].filter(([key, entry]) => !sameJson(map.get(key), entry)))
    const gone = [...box.written].filter((key) => !desired.has(key))
    box.written = new Set(desired.keys())
    if (changes.length === 0 && gone.length === 0) return
    this.options.doc.transact(() => {
      for (const key of gone) map.delete(key)
      for (const [key, entry] of changes) map.set(key, entry)
    }, this.options.origin)
  }

  private writeNotes(): void {
    const notes = this.options.doc.getMap<unknown>(DOC_KEYS.notes)
    const box = this.boxes.get('brainstorm')!
    const fresh = new Map<string, SubmittedNote>()
    for (const part of box.admitted.values()) {
      if (part.round !== 'brainstorm') continue
      for (const note of part.notes) if (!notes.has(note.id) && !box.written.has(note.id)) fresh.set(note.id, note)
    }
    if (fresh.size === 0) return
    for (const id of fresh.keys()) box.written.add(id)
    this.options.doc.transact(() => {
      for (const note of shuffled([...fresh.values()])) {
        notes.set(note.id, new Y.Map<unknown>(revealedNoteFields(note)))
      }
    }, this.options.origin)
  }

  /** What the board should hold for a round's parts: whole dot ballots; scores and ratings per option, from k people up. */
  private entriesOf(round: Exclude<Round, 'brainstorm'>, parts: Submission[]): Map<string, unknown> {
    const entries = new Map<string, unknown>()
    if (round === 'votes') {
      for (const part of parts) {
        if (part.round !== 'votes') continue
        const marks = Object.fromEntries(Object.entries(part.marks).filter(([, dots]) => dots > 0))
        if (Object.keys(marks).length > 0) entries.set(entryKey(part.key, round), { v: 1, marks })
      }
      return entries
    }
    // Option id → each person's [ballot key, score].
    const byOption = new Map<string, Array<[string, number]>>()
    for (const part of parts) {
      const marks = part.round === 'consensus' ? part.marks : part.round === 'emotions' ? part.ratings : null
      if (round !== part.round || !marks) continue
      for (const [optionId, mark] of Object.entries(marks)) byOption.set(optionId, [...(byOption.get(optionId) ?? []), [part.key, mark]])
    }
    const group = this.current.minGroup
    for (const [optionId, given] of byOption) {
      if (given.length < group) {
        entries.set(
          entryKey('withheld', round, optionId),
          round === 'consensus'
            ? { v: 1, kind: 'withheld', optionId, voters: given.length }
            : { v: 1, kind: 'withheld', stageId: optionId, raters: given.length }
        )
        continue
      }
      for (const [key, mark] of given) {
        entries.set(
          entryKey(key, round, optionId),
          round === 'consensus' ? { v: 1, marks: { [optionId]: mark } } : { v: 1, kind: 'rating', stageId: optionId, rating: mark }
        )
      }
    }
    return entries
  }
}
