/**
 * A finalized values record as a Markdown document. The document is built as a Markdown
 * syntax tree and written by mdast-util-to-markdown, which escapes whatever people typed
 * (`**`, `#`, `|`, `<script>`…) so that it reads as text and cannot change the structure.
 * The GFM extension adds the escapes that GitHub-flavoured readers (most of them) need too:
 * `~~`, tables, and bare addresses that would otherwise turn into links.
 */
import type { BlockContent, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { toMarkdown } from 'mdast-util-to-markdown'
import { withoutHash, type FinalizedValues, type ValueStatement, type ValuesRecord } from '../valuesRecord'
import {
  consensusRuleText,
  consensusText,
  dotsText,
  dotVoteText,
  fingersText,
  formatUtc,
  formatUtcSpan,
  LABELS,
  participantsText
} from './valuesText'

const text = (value: string): PhrasingContent => ({ type: 'text', value })
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] })
const emphasis = (value: string): PhrasingContent => ({ type: 'emphasis', children: [text(value)] })
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children })
const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({ type: 'heading', depth, children: [text(oneLine(value))] })

/** Headings and list items are one line each: a line break in them would end the construct. */
const oneLine = (value: string) => value.replace(/\s*[\r\n]+\s*/g, ' ').trim()

/** Text that may hold paragraphs (split at blank lines) and line breaks within them. */
function paragraphs(value: string): Paragraph[] {
  return value
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) =>
      paragraph(...block.split(/\r?\n/).flatMap((line, index): PhrasingContent[] => (index === 0 ? [text(line)] : [{ type: 'break' }, text(line)])))
    )
}

const listItem = (...children: BlockContent[]): ListItem => ({ type: 'listItem', spread: false, children })

function list(items: string[], ordered = false): RootContent {
  return { type: 'list', ordered, spread: false, children: items.map((item) => listItem(paragraph(text(oneLine(item))))) }
}

/** "**We do**" and its items; nothing when there are none. */
function labelledList(label: string, items: string[]): RootContent[] {
  return items.length === 0 ? [] : [paragraph(strong(label)), list(items)]
}

function examples(stories: string[]): RootContent[] {
  if (stories.length === 0) return []
  return [
    paragraph(strong(LABELS.examples)),
    { type: 'list', ordered: false, spread: false, children: stories.map((story) => listItem(...paragraphs(story))) }
  ]
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

const fact = (label: string, value: string): ListItem => listItem(paragraph(strong(`${label}:`), text(` ${oneLine(value)}`)))

function decisionRecord(record: ValuesRecord, contentHash: string): RootContent[] {
  return [
    heading(2, LABELS.decisionRecord),
    {
      type: 'list',
      ordered: false,
      spread: false,
      children: [
        fact(LABELS.finalized, formatUtc(record.finalizedAt)),
        fact(LABELS.question, record.prompt),
        fact(LABELS.participants, participantsText(record)),
        fact(LABELS.dotVote, dotVoteText(record.votes)),
        fact(LABELS.consensusRule, consensusRuleText(record.consensusRule))
      ]
    },
    ...(record.votes.ranking.length > 0
      ? [heading(3, LABELS.ranking), list(record.votes.ranking.map(({ cluster, dots }) => `${cluster}: ${dotsText(dots)}`), true)]
      : []),
    ...(record.stages.length > 0
      ? [heading(3, LABELS.stages), list(record.stages.map((stage) => `${stage.stage}: ${formatUtcSpan(stage.startedAt, stage.endedAt)}`))]
      : []),
    heading(3, LABELS.contentHash),
    paragraph({ type: 'inlineCode', value: contentHash }),
    paragraph(text(LABELS.hashNote))
  ]
}

export function valuesMarkdown(finalized: FinalizedValues): string {
  const { record, contentHash } = withoutHash(finalized)
  const tree: Root = {
    type: 'root',
    children: [
      heading(1, record.title),
      paragraph(text(`${LABELS.pageTitle}, finalized ${formatUtc(record.finalizedAt)}.`)),
      ...(record.prompt.trim() ? [{ type: 'blockquote', children: paragraphs(record.prompt) } satisfies RootContent] : []),
      ...record.values.flatMap((value) => valueSection(value, record.consensusRule)),
      { type: 'thematicBreak' },
      ...decisionRecord(record, contentHash)
    ]
  }
  return toMarkdown(tree, { bullet: '-', emphasis: '_', rule: '-', listItemIndent: 'one', extensions: [gfmToMarkdown()] })
}
