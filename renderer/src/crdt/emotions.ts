/**
 * The journey map's emotion curve, private by construction. Each person rates journey
 * stages from −2 to +2 in their private document. When the facilitator closes the round:
 *
 * - in anonymous mode each screen hands its ratings to the host alone, which writes a stage's
 *   ratings only once at least k people rated it, all as its own change and mixed; below k the
 *   document holds only "fewer than k" and the count (electron/host/roundMixer.ts), so no one's
 *   rating can be singled out, not even by reading the document;
 * - with anonymity off each screen writes its own ratings (names are visible in this mode).
 *
 * The curve (median and spread) shows a stage only when at least k ratings of it are in.
 */
import * as Y from 'yjs'
import { DOC_KEYS } from '../../../shared/board'
import { EMOTION_SCALE, type PublishedEmotions } from '../../../shared/emotions'
import type { HandIn } from '../../../shared/roundSubmissions'
import { createListeners, type ExternalStore } from './externalStore'
import { newId } from './ids'

const RATINGS = 'emotions:ratings'
const SEALED = 'sealed:emotions'
const SUBMITTED = 'submitted'
/** This person's random key for their ratings as handed in (SEALED). */
const HAND_IN_KEY = 'key'
/** Keys (in SEALED) of this person's rating entry of a stage, and the rating it holds. */
const ratingKey = (stageId: string) => `rating:${stageId}`
const publishedKey = (stageId: string) => `published:${stageId}`

/** How many journey stages' ratings one person keeps: a map has at most a dozen stages. */
const MAX_RATED = 50
const MAX_ID_LENGTH = 200

export interface OwnRatings {
  /** Journey stage id → rating, −2 to +2. */
  ratings: Readonly<Record<string, number>>
  /** The person said they are done; they can still change it until the round closes. */
  submitted: boolean
}

export interface EmotionRatings extends ExternalStore<OwnRatings> {
  rate(stageId: string, rating: number): void
  setSubmitted(submitted: boolean): void
  /**
   * Hands this person's ratings in to the host (even none), or writes each rating that is not
   * in the document as it stands now. Returns how many were handed in or written.
   */
  publish(board: Y.Doc, handIn: HandIn): number
  destroy(): void
}

const isRating = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= EMOTION_SCALE.min && value <= EMOTION_SCALE.max
const isStageId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH

function readRatings(map: Y.Map<unknown>): Record<string, number> {
  const ratings: Record<string, number> = Object.create(null) as Record<string, number>
  map.forEach((rating, stageId) => {
    if (isRating(rating)) ratings[stageId] = rating
  })
  return ratings
}

export const emotionsOf = (board: Y.Doc): Y.Map<unknown> => board.getMap(DOC_KEYS.emotions)

/** What the shared document holds, each entry checked: a malformed one from a peer counts for nothing. */
export function readPublishedEmotions(board: Y.Doc): PublishedEmotions {
  const ratings = new Map<string, number[]>()
  const withheld = new Map<string, number>()
  emotionsOf(board).forEach((entry) => {
    if (typeof entry !== 'object' || entry === null) return
    const { kind, stageId, rating, raters } = entry as Record<string, unknown>
    if (!isStageId(stageId)) return
    if (kind === 'rating' && isRating(rating)) ratings.set(stageId, [...(ratings.get(stageId) ?? []), rating])
    else if (kind === 'withheld' && typeof raters === 'number' && Number.isInteger(raters) && raters >= 0) withheld.set(stageId, raters)
  })
  return { ratings, withheld }
}

/** `own` is the person's private document (the one privateNotes.ts and sealedBallots.ts keep). */
export function createEmotionRatings(own: Y.Doc): EmotionRatings {
  const ratings = own.getMap<unknown>(RATINGS)
  const sealed = own.getMap<unknown>(SEALED)
  const listeners = createListeners()
  const read = (): OwnRatings => ({ ratings: readRatings(ratings), submitted: sealed.get(SUBMITTED) === true })
  let state = read()
  const refresh = () => {
    state = read()
    listeners.notify()
  }
  ratings.observe(refresh)
  sealed.observe(refresh)

  /** This person's random key for one entry, made once and kept, so a re-publish replaces the entry. */
  const keyFor = (name: string) => {
    const existing = sealed.get(name)
    if (typeof existing === 'string') return existing
    const key = newId()
    sealed.set(name, key)
    return key
  }

  return {
    subscribe: listeners.add,
    getSnapshot: () => state,
    rate(stageId, rating) {
      if (!isStageId(stageId) || !isRating(rating)) return
      if (ratings.has(stageId) || ratings.size < MAX_RATED) ratings.set(stageId, rating)
    },
    setSubmitted: (submitted) => sealed.set(SUBMITTED, submitted),
    publish(board, handIn) {
      const given = readRatings(ratings)
      if (handIn) {
        handIn({ v: 1, round: 'emotions', key: keyFor(HAND_IN_KEY), ratings: given })
        return Object.keys(given).length
      }
      const changed = Object.entries(given).filter(([stageId, rating]) => sealed.get(publishedKey(stageId)) !== rating)
      if (changed.length === 0) return 0
      const keys = changed.map(([stageId]) => keyFor(ratingKey(stageId)))
      for (const [stageId, rating] of changed) sealed.set(publishedKey(stageId), rating)
      board.transact(() => {
        changed.forEach(([stageId, rating], index) => emotionsOf(board).set(keys[index]!, { v: 1, kind: 'rating', stageId, rating }))
      })
      return changed.length
    },
    destroy() {
      ratings.unobserve(refresh)
      sealed.unobserve(refresh)
    }
  }
}

/** A store of what the document's emotion entries say, for the curve. */
export function createPublishedEmotionsStore(board: Y.Doc): ExternalStore<PublishedEmotions> & { destroy(): void } {
  const map = emotionsOf(board)
  const listeners = createListeners()
  let published = readPublishedEmotions(board)
  const refresh = () => {
    published = readPublishedEmotions(board)
    listeners.notify()
  }
  map.observe(refresh)
  return { subscribe: listeners.add, getSnapshot: () => published, destroy: () => map.unobserve(refresh) }
}
