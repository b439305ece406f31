/**
 * What the Markdown of every finalized record shares, so that they read alike: the title
 * lines, when each workshop stage ran, and the decision record with its content hash.
 */
import type { ListItem, RootContent } from 'mdast'
import type { ValuesRecord } from '../valuesRecord'
import { heading, itemList, list, paragraph, paragraphs, text } from './markdownTree'
import { formatTime, LABELS, stageTimeText } from './valuesText'

type StageTimes = ValuesRecord['stages']

/** The title, "<what the record is>, finalized <when>." and the workshop's question, if it had one, as a quote. */
export function recordTitle(title: string, recordName: string, finalizedAt: string, prompt = ''): RootContent[] {
  return [
    heading(1, title),
    paragraph(text(`${recordName}, finalized ${formatTime(finalizedAt)}.`)),
    ...(prompt.trim() ? [{ type: 'blockquote', children: paragraphs(prompt) } satisfies RootContent] : [])
  ]
}

/** When each workshop stage ran, one item each. */
export const stageTimesList = (stages: StageTimes): RootContent => list(stages.map(stageTimeText))

export interface DecisionRecord {
  /** "**Label:** value" items (markdownTree's `fact`). */
  facts: ListItem[]
  /** What follows the facts, such as the dot vote's ranking. */
  details?: RootContent[]
  stages: StageTimes
  contentHash: string
}

/** The decision record that ends a record's document: its facts, when each stage ran, and the content hash with what it is for. */
export function decisionRecord({ facts, details = [], stages, contentHash }: DecisionRecord): RootContent[] {
  return [
    heading(2, LABELS.decisionRecord),
    itemList(facts),
    ...details,
    ...(stages.length > 0 ? [heading(3, LABELS.stages), stageTimesList(stages)] : []),
    heading(3, LABELS.contentHash),
    paragraph({ type: 'inlineCode', value: contentHash }),
    paragraph(text(LABELS.hashNote))
  ]
}
