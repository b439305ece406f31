/**
 * A finalized journey map as a Markdown document, built as a syntax tree (markdownTree.ts),
 * which escapes whatever people typed: the title and question, a short decision record, the
 * emotion curve as a table, then a section per journey stage with each lane's notes.
 */
import type { ListItem, Root, RootContent } from 'mdast'
import { journeyPlacesOf, notesByCell, type FinalizedJourney, type JourneyNote, type JourneyVotePlace } from '../journeyRecord'
import { emphasis, fact, heading, itemList, list, listItem, paragraph, paragraphs, table, text, writeMarkdown } from './markdownTree'
import {
  emotionRuleText,
  formatRating,
  JOURNEY_LABELS,
  journeyDotVoteText,
  noteDetails,
  placesByNote,
  spreadText,
  voteResultLine,
  withheldText
} from './journeyText'
import { recordTitle, stageTimesList } from './recordMarkdown'
import { formatTime, LABELS, participantsText } from './valuesText'

const NOT_SHOWN = '—'

function decisionRecord(finalized: FinalizedJourney): RootContent[] {
  return [
    heading(2, LABELS.decisionRecord),
    itemList([
      fact(LABELS.finalized, formatTime(finalized.finalizedAt)),
      fact(LABELS.participants, participantsText(finalized)),
      fact(JOURNEY_LABELS.anonymous, finalized.anonymous ? 'yes' : 'no'),
      fact(JOURNEY_LABELS.dotVote, journeyDotVoteText(finalized)),
      listItem(paragraph({ type: 'strong', children: [text(`${LABELS.contentHash}:`)] }, text(' '), { type: 'inlineCode', value: finalized.contentHash }))
    ]),
    paragraph(text(LABELS.hashNote))
  ]
}

function emotionCurve(finalized: FinalizedJourney): RootContent[] {
  const { minGroup, stages: results } = finalized.emotions
  const rows = results.map((result, index) => {
    const stage = finalized.stages[index]!.name
    if (result.median === null || result.spread === null) return [stage, String(result.raters), `not shown: ${withheldText(result, minGroup)}`, NOT_SHOWN]
    return [stage, String(result.raters), formatRating(result.median), spreadText(result.spread)]
  })
  return [
    heading(2, JOURNEY_LABELS.emotionCurve),
    paragraph(text(emotionRuleText(minGroup))),
    table([JOURNEY_LABELS.stage, JOURNEY_LABELS.ratings, JOURNEY_LABELS.median, JOURNEY_LABELS.middleHalf], rows)
  ]
}

/**
 * The notes that received dots, most first, ties as the facilitator decided them. A bulleted
 * list: Markdown renumbers ordered lists, and tied places share a number.
 */
function voteResults(finalized: FinalizedJourney): RootContent[] {
  if (finalized.votes.laneIds.length === 0) return []
  const where = (note: JourneyNote) =>
    `${finalized.stages.find((stage) => stage.id === note.stageId)!.name} · ${finalized.lanes.find((lane) => lane.id === note.laneId)!.name}`
  const voted = journeyPlacesOf(finalized).filter((place) => place.dots > 0)
  return [
    heading(2, JOURNEY_LABELS.voteResults),
    voted.length > 0 ? list(voted.map((place) => voteResultLine(place, place.note, where(place.note)))) : paragraph(emphasis(JOURNEY_LABELS.noDots))
  ]
}

/** The note's text with its line breaks, then its dots, place and linked value in emphasis. */
function noteItem(note: JourneyNote, place: JourneyVotePlace | undefined): ListItem {
  const details = noteDetails(note, place)
  const blocks = paragraphs(note.text)
  if (details.length > 0) blocks.at(-1)!.children.push(text(' '), emphasis(`(${details.join('; ')})`))
  return listItem(...blocks)
}

function stageSections(finalized: FinalizedJourney): RootContent[] {
  const places = placesByNote(finalized)
  return notesByCell(finalized).flatMap((lanes, stage): RootContent[] => {
    const filled = lanes.flatMap((notes, lane): RootContent[] =>
      notes.length === 0
        ? []
        : [heading(3, finalized.lanes[lane]!.name), itemList(notes.map((note) => noteItem(note, places.get(note.id))))]
    )
    return [heading(2, finalized.stages[stage]!.name), ...(filled.length > 0 ? filled : [paragraph(emphasis(JOURNEY_LABELS.noNotes))])]
  })
}

export function journeyMarkdown(finalized: FinalizedJourney): string {
  const tree: Root = {
    type: 'root',
    children: [
      ...recordTitle(finalized.title, JOURNEY_LABELS.pageTitle, finalized.finalizedAt, finalized.prompt),
      ...decisionRecord(finalized),
      ...emotionCurve(finalized),
      ...voteResults(finalized),
      ...stageSections(finalized),
      ...(finalized.timeline.length > 0
        ? [
            { type: 'thematicBreak' } satisfies RootContent,
            heading(2, JOURNEY_LABELS.workshopStages),
            stageTimesList(finalized.timeline)
          ]
        : [])
    ]
  }
  return writeMarkdown(tree)
}
