/**
 * A finalized program plan as an A4 PDF, laid out with PDFKit (pdfLayout.ts): the plan's
 * parts in the canvas's order, the measurable outcomes as a table whose header repeats on
 * every page it runs onto, then the decision record. The text is real text in DejaVu Sans
 * (pdfDocument.ts), so it can be searched and copied.
 */
import type { FinalizedProgramPlan, ProgramPlanRecord } from '../../shared/programPlanRecord'
import { withoutHash } from '../../shared/valuesRecord'
import { OUTCOME_COLUMNS, outcomeCells, PLAN_LABELS, planLists } from '../../shared/exports/planText'
import { formatTime, LABELS, participantCountText, participantsText } from '../../shared/exports/valuesText'
import type { FontName } from './dejavuFonts'
import { addFooters, decisionRecordPieces, eyebrow, INK, Layout, MARKER_WIDTH, openRecordPdf, type Piece } from './pdfLayout'

const RULE = '#dde2e8'
/** Each column's share of the table's width, in OUTCOME_COLUMNS' order. */
const COLUMN_SHARES = [0.32, 0.15, 0.15, 0.2, 0.18]
const CELL = { padding: 4, size: 9.5 }

const heading = (text: string): Piece => ({ text, font: 'bold', size: 13, color: INK.text, gap: 0 })
const body = (text: string, gap: number): Piece => ({ text, font: 'regular', size: 10.5, color: INK.text, gap })
const notFilledIn = (gap: number): Piece => ({ text: PLAN_LABELS.notFilledIn, font: 'regular', size: 10.5, color: INK.muted, gap })

const itemPieces = (items: string[]): Piece[] =>
  items.length === 0
    ? [notFilledIn(5)]
    : items.map((text, index) => ({ ...body(text, index === 0 ? 5 : 2), indent: MARKER_WIDTH, marker: { text: '•', color: INK.accent } }))

const textPieces = (text: string, gap: number): Piece[] => (text.trim() ? [body(text.trim(), gap)] : [notFilledIn(gap)])

/** The parts of the plan before the outcomes, each a block kept on one page when it fits. */
function sections(record: ProgramPlanRecord): Piece[][] {
  return [
    [heading(PLAN_LABELS.opportunities), ...itemPieces(record.opportunities)],
    [
      heading(PLAN_LABELS.who),
      eyebrow(PLAN_LABELS.employees, 7),
      ...textPieces(record.targetEmployees, 2),
      eyebrow(PLAN_LABELS.customers, 8),
      ...textPieces(record.targetCustomers, 2)
    ],
    ...planLists(record).map(({ label, items }) => [heading(label), ...itemPieces(items)])
  ]
}

/**
 * The outcomes as a table across the page's width. A row never splits: one that does not fit
 * starts a new page, where the header is drawn again. `startHeight` is the header and the
 * first row, which must share a page with what comes just before the table.
 */
function outcomesTable(doc: PDFKit.PDFDocument, outcomes: ProgramPlanRecord['outcomes']): { startHeight: number; draw(): void } {
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right
  const widths = COLUMN_SHARES.map((share) => share * width)
  const cellWidth = (column: number) => widths[column]! - 2 * CELL.padding
  const header = OUTCOME_COLUMNS.map((column) => column.label)
  const rows = outcomes.map(outcomeCells)

  const rowHeight = (cells: readonly string[], font: FontName) => {
    doc.font(font).fontSize(CELL.size)
    return Math.max(...cells.map((cell, column) => doc.heightOfString(cell, { width: cellWidth(column), lineGap: 1 }))) + 2 * CELL.padding
  }

  const drawRow = (cells: readonly string[], font: FontName, color: string, rule: { width: number; colour: string }) => {
    const top = doc.y
    const height = rowHeight(cells, font)
    let x = left
    cells.forEach((cell, column) => {
      doc.font(font).fontSize(CELL.size).fillColor(color).text(cell, x + CELL.padding, top + CELL.padding, { width: cellWidth(column), lineGap: 1 })
      x += widths[column]!
    })
    doc.save().moveTo(left, top + height).lineTo(left + width, top + height).lineWidth(rule.width).stroke(rule.colour).restore()
    doc.x = left
    doc.y = top + height
  }
  const drawHeader = () => drawRow(header, 'bold', INK.muted, { width: 1.2, colour: INK.muted })

  return {
    startHeight: rowHeight(header, 'bold') + (rows[0] ? rowHeight(rows[0], 'regular') : 0),
    draw() {
      drawHeader()
      for (const cells of rows) {
        if (doc.y + rowHeight(cells, 'regular') > doc.page.height - doc.page.margins.bottom) {
          doc.addPage()
          drawHeader()
        }
        drawRow(cells, 'regular', INK.text, { width: 0.6, colour: RULE })
      }
    }
  }
}

export async function planPdf(finalized: FinalizedProgramPlan): Promise<Uint8Array> {
  const { record, contentHash } = withoutHash(finalized)
  const { doc, bytes } = await openRecordPdf({ title: `${PLAN_LABELS.pageTitle}: ${record.programName}`, subject: record.title })
  const layout = new Layout(doc)

  layout.head({
    recordName: PLAN_LABELS.pageTitle,
    title: record.programName,
    facts: `${PLAN_LABELS.workshop}: ${record.title} · ${LABELS.finalized} ${formatTime(record.finalizedAt)} · ${participantCountText(record)}`
  })
  doc.y += 16

  const block = (pieces: Piece[]) => {
    layout.keepTogether(pieces, 0)
    layout.draw(pieces)
    doc.y += 16
  }

  for (const pieces of sections(record)) block(pieces)

  if (record.outcomes.length === 0) block([heading(PLAN_LABELS.outcomes), notFilledIn(5)])
  else {
    const table = outcomesTable(doc, record.outcomes)
    const tableGap = 6
    layout.keepTogether([heading(PLAN_LABELS.outcomes)], 0, tableGap + table.startHeight)
    layout.draw([heading(PLAN_LABELS.outcomes)])
    doc.y += tableGap
    table.draw()
    doc.y += 16
  }

  block([heading(PLAN_LABELS.recognition), ...textPieces(record.recognition, 5)])

  layout.rule(INK.muted, 0.6)
  doc.y += 16
  block([
    heading(LABELS.decisionRecord),
    ...decisionRecordPieces({
      facts: [
        [LABELS.finalized, formatTime(record.finalizedAt)],
        [PLAN_LABELS.workshop, record.title],
        [LABELS.participants, participantsText(record)]
      ],
      stages: record.timeline,
      contentHash
    })
  ])

  addFooters(doc, `${record.programName} · ${PLAN_LABELS.pageTitle}`)
  doc.end()
  return bytes
}
