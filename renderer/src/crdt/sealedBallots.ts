/**
 * Sealed ballots: a person's dot vote and fist-of-five stay in their private document
 * (privateNotes.ts keeps the same document) until the facilitator closes the round. Then, in
 * anonymous mode, every screen hands its ballot to the host alone, which writes the room's
 * ballots as its own change, mixed (fist-of-five scores per value, and only from k people up:
 * electron/host/roundMixer.ts): the room learns the ballots, never whose they are. With
 * anonymity off each screen writes its own, under its random key. Meanwhile the room sees only
 * how many have said they are done (the host's count), which is how "7 of 12 have voted" works.
 *
 * A ballot changed after it was published (voting reopened) is published again under the
 * same key, replacing the first.
 */
import * as Y from 'yjs'
import type { Ballot } from '../../../shared/ballots'
import { DOC_KEYS } from '../../../shared/board'
import { MAX_MARK, MAX_SUBMITTED_MARKS, type HandIn } from '../../../shared/roundSubmissions'
import { createListeners, type ExternalStore } from './externalStore'
import { newId } from './ids'

export type BallotKind = 'votes' | 'consensus'

export interface OwnBallot {
  /** Option id → dots or fingers. */
  marks: Readonly<Record<string, number>>
  /** The person said they are done; they can still change it until the round closes. */
  submitted: boolean
}

export interface SealedBallot extends ExternalStore<OwnBallot> {
  setMark(optionId: string, mark: number): void
  setSubmitted(submitted: boolean): void
  /**
   * Hands the ballot in to the host (even an empty one: the host then knows this person has
   * nothing to add), or puts it in the shared document if it is not there as it stands now. An
   * empty ballot is never written: someone who marked nothing did not vote.
   */
  publish(board: Y.Doc, handIn: HandIn): boolean
  destroy(): void
}

const SEALED_FIELDS = { submitted: 'submitted', key: 'key', published: 'published' } as const

function readMarks(marks: Y.Map<unknown>): Record<string, number> {
  const read: Record<string, number> = {}
  marks.forEach((mark, id) => {
    if (typeof mark === 'number' && Number.isInteger(mark) && mark >= 0) read[id] = mark
  })
  return read
}

/** `own` is the person's private document; each kind of ballot keeps its own maps there. */
export function createSealedBallot(own: Y.Doc, kind: BallotKind): SealedBallot {
  const marks = own.getMap<unknown>(`ballot:${kind}`)
  const sealed = own.getMap<unknown>(`sealed:${kind}`)
  const listeners = createListeners()
  const read = (): OwnBallot => ({ marks: readMarks(marks), submitted: sealed.get(SEALED_FIELDS.submitted) === true })
  let state = read()
  const refresh = () => {
    state = read()
    listeners.notify()
  }
  marks.observe(refresh)
  sealed.observe(refresh)

  return {
    subscribe: listeners.add,
    getSnapshot: () => state,
    setMark(optionId, mark) {
      // 0 is kept: in the fist-of-five it is a score of its own (a block), not "no answer".
      const clean = Math.min(Math.max(0, Math.round(mark)), MAX_MARK)
      if (marks.has(optionId) || marks.size < MAX_SUBMITTED_MARKS) marks.set(optionId, clean)
    },
    setSubmitted: (submitted) => sealed.set(SEALED_FIELDS.submitted, submitted),
    publish(board, handIn) {
      const ballot: Ballot = { v: 1, marks: readMarks(marks) }
      const existing = sealed.get(SEALED_FIELDS.key)
      const key = typeof existing === 'string' ? existing : newId()
      if (typeof existing !== 'string') sealed.set(SEALED_FIELDS.key, key)
      if (handIn) {
        handIn({ v: 1, round: kind, key, marks: ballot.marks })
        return true
      }
      if (Object.keys(ballot.marks).length === 0) return false
      const text = JSON.stringify(ballot)
      if (sealed.get(SEALED_FIELDS.published) === text) return false
      sealed.set(SEALED_FIELDS.published, text)
      board.transact(() => board.getMap<unknown>(DOC_KEYS[kind]).set(key, ballot))
      return true
    },
    destroy() {
      marks.unobserve(refresh)
      sealed.unobserve(refresh)
    }
  }
}

/** Every published ballot of a kind, as written (to be checked by shared/ballots.ts). */
export function publishedBallots(board: Y.Doc, kind: BallotKind): unknown[] {
  return Array.from(board.getMap<unknown>(DOC_KEYS[kind]).values())
}

/** A store of the published ballots of a kind, for the results on screen. */
export function createPublishedBallotsStore(board: Y.Doc, kind: BallotKind): ExternalStore<readonly unknown[]> & { destroy(): void } {
  const map = board.getMap<unknown>(DOC_KEYS[kind])
  const listeners = createListeners()
  let ballots: readonly unknown[] = publishedBallots(board, kind)
  const refresh = () => {
    ballots = publishedBallots(board, kind)
    listeners.notify()
  }
  map.observe(refresh)
  return { subscribe: listeners.add, getSnapshot: () => ballots, destroy: () => map.unobserve(refresh) }
}
