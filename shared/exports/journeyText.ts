/**
 * The wording every export of a journey map shares, so that its Markdown, CSV, SVG, PNG and
 * PDF say the same thing. What a journey map has in common with a values record (dates,
 * participants, the content hash) is worded by valuesText.ts.
 */
import { EMOTION_SCALE } from '../emotions'
import { sharesRank, tieNoteAfter } from '../ballots'
import { journeyPlacesOf, type EmotionResult, type JourneyNote, type JourneyVotePlace, type StoredJourneyRecord } from '../journeyRecord'
import { dotsText, placeDotsText, plural, rankText } from './valuesText'

export const JOURNEY_LABELS = {
  pageTitle: 'Employee journey map',
  emotionCurve: 'Emotion curve',
  stage: 'Stage',
  ratings: 'Ratings',
  median: 'Median',
  middleHalf: 'Middle half',
  dotVote: 'Dot vote',
  anonymous: 'Anonymous',
  workshopStages: 'Workshop stages',
  voteResults: 'Dot vote results',
  noDots: 'No note received a dot.',
  noNotes: 'No notes.',
  veryPositive: 'very positive',
  veryNegative: 'very negative',
  everyNote: 'The Markdown and CSV exports hold every note.'
} as const

/** A rating, median or quartile with its sign: "+1.5", "0", "−0.75" (a true minus sign). */
export function formatRating(value: number): string {
  const magnitude = Math.round(Math.abs(value) * 100) / 100
  if (magnitude === 0) return '0'
  return `${value > 0 ? '+' : '−'}${magnitude}`
}

export const ratingsText = (raters: number) => plural(raters, 'rating', 'ratings')

/** Why a stage shows no median: "no ratings", or "fewer than 3 ratings" when too few people rated it to keep them anonymous. */
export const withheldText = (result: EmotionResult, minGroup: number) =>
  result.raters === 0 ? 'no ratings' : `fewer than ${minGroup} ratings`

/** "+1 to +2": the middle half of the ratings. */
export const spreadText = (spread: NonNullable<EmotionResult['spread']>) => `${formatRating(spread.low)} to ${formatRating(spread.high)}`

/** "median +1.5, 7 ratings", or why there is none. */
export function emotionSummary(result: EmotionResult, minGroup: number): string {
  return result.median === null ? withheldText(result, minGroup) : `median ${formatRating(result.median)}, ${ratingsText(result.raters)}`
}

export function emotionRuleText(minGroup: number): string {
  return (
    `Everyone rated how each stage feels, from ${formatRating(EMOTION_SCALE.min)} (${JOURNEY_LABELS.veryNegative}) ` +
    `to ${formatRating(EMOTION_SCALE.max)} (${JOURNEY_LABELS.veryPositive}). The median and the middle half of the ratings ` +
    `(first to third quartile) are shown only where at least ${plural(minGroup, 'person', 'people')} rated a stage.`
  )
}

/** "Pain points", "Pain points and Opportunities", "A, B and C". */
function listed(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`
}

export function journeyDotVoteText(record: StoredJourneyRecord): string {
  const lanes = record.votes.laneIds.map((id) => record.lanes.find((lane) => lane.id === id)?.name ?? id)
  if (lanes.length === 0) return 'none'
  const who = `${plural(record.votes.voters, 'person', 'people')} voted, ${dotsText(record.votes.budget)} each`
  return `${who}, on the notes in ${listed(lanes)}`
}

/** Each voted note's place in the dot vote, by note id. */
export const placesByNote = (record: StoredJourneyRecord): Map<string, JourneyVotePlace> =>
  new Map(journeyPlacesOf(record).map((place) => [place.noteId, place]))

/** A voted note's rank: "=2" when it shares the rank in a tie, kept or undecided; "2" otherwise. */
export const rankWord = (place: Pick<JourneyVotePlace, 'rank' | 'tie'>): string => `${sharesRank(place.tie) ? '=' : ''}${place.rank}`

/**
 * A voted note's dots and place: "9 dots, ranked =2 (tied)", "7 dots, ranked 4". A note without
 * dots is not ranked in words: the group did not choose it, and "=9 (tied)" with every other such note says nothing.
 */
export function votePlaceText(place: Pick<JourneyVotePlace, 'dots' | 'rank' | 'tie'>): string {
  if (place.dots === 0) return dotsText(0)
  return `${dotsText(place.dots)}, ranked ${rankWord(place)}${tieNoteAfter(place.tie)}`
}

/**
 * A voted note's dots and rank where room is short (drawn on the map): "4 dots, rank =5", the "="
 * saying it shares the rank in a tie; the facilitator's decision is in the words of `votePlaceText`.
 */
export const votePlaceShortText = (place: Pick<JourneyVotePlace, 'dots' | 'rank' | 'tie'>): string =>
  place.dots === 0 ? dotsText(0) : `${dotsText(place.dots)}, rank ${rankWord(place)}`

/** A line of the vote's results: "=2. Laptop not ready (Onboard · Pain points): 9 dots (tied)". */
export const voteResultLine = (place: JourneyVotePlace, note: JourneyNote, where: string) =>
  `${rankText(place)} ${note.text} (${where}): ${placeDotsText(place)}`

/** What a note says beyond its text: "9 dots, ranked =2 (tied)", "lives our value “Integrity” (from “Our values 2026”)". */
export function noteDetails(note: JourneyNote, place: JourneyVotePlace | undefined): string[] {
  return [
    ...(place ? [votePlaceText(place)] : note.votes === null ? [] : [dotsText(note.votes)]),
    ...(note.linkedValue ? [`lives our value “${note.linkedValue.name}” (from “${note.linkedValue.workshopTitle}”)`] : [])
  ]
}
