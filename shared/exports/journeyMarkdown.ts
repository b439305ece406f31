/**
 * A finalized journey map as a Markdown document, built as a syntax tree (markdownTree.ts),
 * which escapes whatever people typed: the title and question, a short decision record, the
 * emotion curve as a table, then a section per journey stage with each lane's notes.
 */
import type { ListItem, Root, RootContent } from 'mdast'
import { notesByCell, type FinalizedJourney, type JourneyNote } from '../journeyRecord'
import { emphasis, fact, heading, itemList, listItem, paragraph, paragraphs, table, text, writeMarkdown } from './markdownTree'
import { emotionRuleText, formatRating, JOURNEY_LABELS, journeyDotVoteText, noteDetails, spreadText, withheldText } from './journeyText'
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

/** The note's text with its line breaks, then its dots and linked value in emphasis. */
function noteItem(note: JourneyNote): ListItem {
  const details = noteDetails(note)
  const blocks = paragraphs(note.text)
  if (details.length > 0) blocks.at(-1)!.children.push(text(' '), emphasis(`(${details.join('; ')})`))
  return listItem(...blocks)
}

function stageSections(finalized: FinalizedJourney): RootContent[] {
  return notesByCell(finalized).flatMap((lanes, stage): RootContent[] => {
    const filled = lanes.flatMap((notes, lane): RootContent[] =>
      notes.length === 0
        ? []
        : [heading(3, finalized.lanes[lane]!.name), itemList(notes.map(noteItem))]
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
