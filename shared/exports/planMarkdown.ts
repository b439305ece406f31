/**
 * A finalized program plan as a Markdown document, built as a syntax tree (markdownTree.ts):
 * one section per part of the plan, in the canvas's order, the outcomes as a table, then the
 * decision record. A part left empty says so rather than disappearing.
 */
import type { Root, RootContent } from 'mdast'
import type { FinalizedProgramPlan, ProgramPlanRecord } from '../programPlanRecord'
import { withoutHash } from '../valuesRecord'
import { emphasis, fact, heading, list, paragraph, paragraphs, strong, table, writeMarkdown } from './markdownTree'
import { OUTCOME_COLUMNS, outcomeCells, PLAN_LABELS, planLists } from './planText'
import { decisionRecord, recordTitle } from './recordMarkdown'
import { formatTime, LABELS, participantsText } from './valuesText'

const notFilledIn = (): RootContent => paragraph(emphasis(PLAN_LABELS.notFilledIn))

const itemsOrEmpty = (items: string[]): RootContent[] => (items.length > 0 ? [list(items)] : [notFilledIn()])

function textOrEmpty(value: string): RootContent[] {
  const blocks = paragraphs(value)
  return blocks.length > 0 ? blocks : [notFilledIn()]
}

function outcomesTable(outcomes: ProgramPlanRecord['outcomes']): RootContent[] {
  if (outcomes.length === 0) return [notFilledIn()]
  return [table(OUTCOME_COLUMNS.map((column) => column.label), outcomes.map(outcomeCells))]
}

export function planMarkdown(finalized: FinalizedProgramPlan): string {
  const { record, contentHash } = withoutHash(finalized)
  const tree: Root = {
    type: 'root',
    children: [
      ...recordTitle(record.programName, PLAN_LABELS.pageTitle, record.finalizedAt),
      heading(2, PLAN_LABELS.opportunities),
      ...itemsOrEmpty(record.opportunities),
      heading(2, PLAN_LABELS.who),
      paragraph(strong(PLAN_LABELS.employees)),
      ...textOrEmpty(record.targetEmployees),
      paragraph(strong(PLAN_LABELS.customers)),
      ...textOrEmpty(record.targetCustomers),
      ...planLists(record).flatMap(({ label, items }) => [heading(2, label), ...itemsOrEmpty(items)]),
      heading(2, PLAN_LABELS.outcomes),
      ...outcomesTable(record.outcomes),
      heading(2, PLAN_LABELS.recognition),
      ...textOrEmpty(record.recognition),
      { type: 'thematicBreak' },
      ...decisionRecord({
        facts: [
          fact(LABELS.finalized, formatTime(record.finalizedAt)),
          fact(PLAN_LABELS.workshop, record.title),
          fact(LABELS.participants, participantsText(record))
        ],
        stages: record.timeline,
        contentHash
      })
    ]
  }
  return writeMarkdown(tree)
}
