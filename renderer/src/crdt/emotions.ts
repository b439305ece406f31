/**
 * The journey map's emotion curve, private by construction. Each person rates journey
 * stages from −2 to +2 in their private document. When the facilitator closes the round,
 * it goes in two steps, each entry written under a random key and a throwaway client id:
 *
 * 1. every screen publishes a marker per stage it rated ("someone rated Onboard"), no rating;
 * 2. a screen publishes its rating of a stage only once that stage has at least `minGroup`
 *    markers. So a stage rated by fewer than k people never has a rating in the shared
 *    document, and no one's rating can be singled out, not even by reading the document.
 *
 * The curve (median and spread) shows a stage only when at least k ratings of it are in.
 * Limit: someone who leaves between their marker and their rating leaves a stage with k
 * markers and k − 1 ratings in the document; screens still show no result for it.
 */
import * as Y from 'yjs'
import { DOC_KEYS } from '../../../shared/board'
import { EMOTION_SCALE, emotionGroup, emotionResult } from '../../../shared/emotions'
import type { EmotionResult } from '../../../shared/journeyRecord'
import { writeAnonymously } from './anonymousCopy'
import { createListeners, type ExternalStore } from './externalStore'
import { newId } from './ids'

const RATINGS = 'emotions:ratings'
const SEALED = 'sealed:emotions'
const SUBMITTED = 'submitted'
/** Keys (in SEALED) of this person's marker and rating of a stage, and what the rating entry holds. */
const markerKey = (stageId: string) => `marker:${stageId}`
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
  /** Step 1: a marker for each stage rated and not yet marked. Returns how many were written. */
  publishMarkers(board: Y.Doc): number
  /**
   * Step 2: the rating of each stage that has at least `minGroup` markers and whose
   * rating is not in the document as it stands now. Returns how many were written.
   */
  publishRatings(board: Y.Doc, minGroup: number): number
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

export interface PublishedEmotions {
  /** Markers per journey stage id. */
  raters: Map<string, number>
  /** Ratings per journey stage id. */
  ratings: Map<string, number[]>
}

/** What the shared document holds, each entry checked: a malformed one from a peer counts for nothing. */
export function readPublishedEmotions(board: Y.Doc): PublishedEmotions {
  const raters = new Map<string, number>()
  const ratings = new Map<string, number[]>()
  emotionsOf(board).forEach((entry) => {
    if (typeof entry !== 'object' || entry === null) return
    const { kind, stageId, rating } = entry as Record<string, unknown>
    if (!isStageId(stageId)) return
    if (kind === 'rated') raters.set(stageId, (raters.get(stageId) ?? 0) + 1)
    else if (kind === 'rating' && isRating(rating)) ratings.set(stageId, [...(ratings.get(stageId) ?? []), rating])
  })
  return { raters, ratings }
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
    return { key: typeof existing === 'string' ? existing : newId(), existed: typeof existing === 'string' }
  }

  return {
    subscribe: listeners.add,
    getSnapshot: () => state,
    rate(stageId, rating) {
      if (!isStageId(stageId) || !isRating(rating)) return
      if (ratings.has(stageId) || ratings.size < MAX_RATED) ratings.set(stageId, rating)
    },
    setSubmitted: (submitted) => sealed.set(SUBMITTED, submitted),
    publishMarkers(board) {
      let written = 0
      for (const stageId of Object.keys(readRatings(ratings))) {
        const { key, existed } = keyFor(markerKey(stageId))
        if (existed) continue
        sealed.set(markerKey(stageId), key)
        writeAnonymously(board, (carrier) => emotionsOf(carrier).set(key, { v: 1, kind: 'rated', stageId }))
        written++
      }
      return written
    },
    publishRatings(board, minGroup) {
      // Whatever the document's setting says (a peer may have written it), never below the floor.
      const group = emotionGroup(minGroup)
      const { raters } = readPublishedEmotions(board)
      let written = 0
      for (const [stageId, rating] of Object.entries(readRatings(ratings))) {
        if ((raters.get(stageId) ?? 0) < group || !sealed.has(markerKey(stageId))) continue
        if (sealed.get(publishedKey(stageId)) === rating) continue
        const { key, existed } = keyFor(ratingKey(stageId))
        own.transact(() => {
          sealed.set(ratingKey(stageId), key)
          sealed.set(publishedKey(stageId), rating)
        })
        writeAnonymously(board, (carrier) => emotionsOf(carrier).set(key, { v: 1, kind: 'rating', stageId, rating }), existed)
        written++
      }
      return written
    },
    destroy() {
      ratings.unobserve(refresh)
      sealed.unobserve(refresh)
    }
  }
}

/** The curve as every screen and the record show it: one result per journey stage, withheld below `minGroup`. */
export function emotionCurve(published: PublishedEmotions, stageIds: readonly string[], minGroup: number): EmotionResult[] {
  return stageIds.map((stageId) => emotionResult(stageId, published.ratings.get(stageId) ?? [], emotionGroup(minGroup)))
}

/** A store of what the document's emotion entries say, for the curve and for step 2 above. */
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
