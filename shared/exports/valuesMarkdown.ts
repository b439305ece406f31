/** A finalized values record as a Markdown document, built as a syntax tree (markdownTree.ts). */
import type { Root, RootContent } from 'mdast'
import { emphasis, fact, heading, itemList, list, listItem, paragraph, paragraphs, strong, text, writeMarkdown } from './markdownTree'
import { teamNotesOf, votePlacesOf, withoutHash, type FinalizedValues, type TeamNotes, type ValueStatement, type ValuesRecord } from '../valuesRecord'
import { decisionRecord, recordTitle } from './recordMarkdown'
import {
  consensusRuleText,
  consensusText,
  dotVoteText,
  fingersText,
  formatTime,
  LABELS,
  noteGroups,
  participantsText,
  rankingLines,
  teamNotesIntro
} from './valuesText'

/** "**We do**" and its items; nothing when there are none. */
function labelledList(label: string, items: string[]): RootContent[] {
  return items.length === 0 ? [] : [paragraph(strong(label)), list(items)]
}

function examples(stories: string[]): RootContent[] {
  if (stories.length === 0) return []
  return [paragraph(strong(LABELS.examples)), itemList(stories.map((story) => listItem(...paragraphs(story))))]
}

function valueSection(value: ValueStatement, rule: ValuesRecord['consensusRule']): RootContent[] {
  const consensus = consensusText(value.consensus, rule)
  const fingers = fingersText(value.consensus)
  return [
    heading(2, value.name),
    ...paragraphs(value.definition),
    ...labelledList(LABELS.weDo, value.weDo),
    ...labelledList(LABELS.weDont, value.weDont),
    ...examples(value.examples),
    ...(consensus ? [paragraph(emphasis(fingers ? `${consensus} ${fingers}.` : consensus))] : [])
  ]
}

/** The appendix: each cluster under its own heading with its notes as written, line breaks kept. */
function teamNotesSection(notes: TeamNotes | null): RootContent[] {
  if (notes === null) return [heading(2, LABELS.teamNotes), paragraph(text(LABELS.notesNotKept))]
  return [
    heading(2, LABELS.teamNotes),
    paragraph(text(teamNotesIntro(notes))),
    ...noteGroups(notes).flatMap((group) => [
      heading(3, group.title),
      group.notes.length > 0 ? itemList(group.notes.map((note) => listItem(...paragraphs(note)))) : paragraph(emphasis(LABELS.emptyCluster))
    ])
  ]
}

export function valuesMarkdown(finalized: FinalizedValues): string {
  const { record, contentHash } = withoutHash(finalized)
  const places = votePlacesOf(record)
  const tree: Root = {
    type: 'root',
    children: [
      ...recordTitle(record.title, LABELS.pageTitle, record.finalizedAt, record.prompt),
      ...record.values.flatMap((value) => valueSection(value, record.consensusRule)),
      { type: 'thematicBreak' },
      ...decisionRecord({
        facts: [
          fact(LABELS.finalized, formatTime(record.finalizedAt)),
          fact(LABELS.question, record.prompt),
          fact(LABELS.participants, participantsText(record)),
          fact(LABELS.dotVote, dotVoteText(record.votes)),
          fact(LABELS.consensusRule, consensusRuleText(record.consensusRule))
        ],
        details:
          places.length > 0
            ? // A bulleted list: Markdown renumbers ordered lists, and tied places share a number.
              [heading(3, LABELS.ranking), list(rankingLines(places).map(({ rank, text }) => `${rank} ${text}`))]
            : [],
        stages: record.stages,
        contentHash
      }),
      ...teamNotesSection(teamNotesOf(finalized))
    ]
  }
  return writeMarkdown(tree)
}
