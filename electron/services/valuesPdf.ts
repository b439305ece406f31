/**
 * A finalized values record as an A4 PDF, laid out with PDFKit. The text is set in DejaVu
 * Sans (dejavuFonts.ts), embedded as a subset with the ToUnicode map that lets readers copy
 * and search the text (pdfDocument.ts).
 */
import { withoutHash, type FinalizedValues, type ValueStatement, type ValuesRecord } from '../../shared/valuesRecord'
import {
  consensusRuleText,
  consensusText,
  dotVoteText,
  fingersText,
  formatUtc,
  LABELS,
  participantCountText,
  participantsText,
  rankingLines
} from '../../shared/exports/valuesText'
import { addFooters, decisionRecordPieces, eyebrow, INK, Layout, MARKER_WIDTH, openRecordPdf, type Piece } from './pdfLayout'

const COLOURS = { ...INK, warn: '#9a3412', good: '#15803d', bad: '#b42318' }
/** Room for a rank up to "500.". */
const RANK_WIDTH = 24
/** Values sit right of an accent bar. */
const VALUE_INDENT = 14

const listPieces = (items: string[], marker: Piece['marker'], gap = 2, indent = MARKER_WIDTH): Piece[] =>
  items.map((text) => ({ text, font: 'regular', size: 10.5, color: COLOURS.text, gap, indent, marker }))

function valuePieces(value: ValueStatement, rule: ValuesRecord['consensusRule']): Piece[] {
  const pieces: Piece[] = [{ text: value.name, font: 'bold', size: 16, color: COLOURS.text, gap: 0 }]
  if (value.definition.trim()) pieces.push({ text: value.definition.trim(), font: 'regular', size: 11.5, color: COLOURS.text, gap: 5 })
  if (value.weDo.length > 0) {
    pieces.push(eyebrow(LABELS.weDo, 9), ...listPieces(value.weDo, { text: '✓', color: COLOURS.good }))
  }
  if (value.weDont.length > 0) {
    pieces.push(eyebrow(LABELS.weDont, 9), ...listPieces(value.weDont, { text: '✗', color: COLOURS.bad }))
  }
  if (value.examples.length > 0) {
    pieces.push(eyebrow(LABELS.examples, 9), ...listPieces(value.examples, { text: '“', color: COLOURS.accent }, 4))
  }
  const consensus = consensusText(value.consensus, rule)
  if (consensus) {
    const fingers = fingersText(value.consensus)
    const colour = value.consensus?.flagged && value.consensus.average !== null ? COLOURS.warn : COLOURS.muted
    pieces.push({ text: fingers ? `${consensus} ${fingers}.` : consensus, font: 'regular', size: 9, color: colour, gap: 9 })
  }
  return pieces
}

function recordPieces(record: ValuesRecord, contentHash: string): Piece[] {
  const ranking = rankingLines(record.votes.ranking).flatMap(({ rank, text }) =>
    listPieces([text], { text: rank, color: COLOURS.muted }, 2, RANK_WIDTH)
  )
  return [
    { text: LABELS.decisionRecord, font: 'bold', size: 18, color: COLOURS.text, gap: 0 },
    ...decisionRecordPieces({
      facts: [
        [LABELS.finalized, formatUtc(record.finalizedAt)],
        [LABELS.question, record.prompt],
        [LABELS.participants, participantsText(record)],
        [LABELS.dotVote, dotVoteText(record.votes)],
        [LABELS.consensusRule, consensusRuleText(record.consensusRule)]
      ],
      details: ranking.length > 0 ? [eyebrow(LABELS.ranking, 10), ...ranking] : [],
      stages: record.stages,
      contentHash
    })
  ]
}

export async function valuesPdf(finalized: FinalizedValues): Promise<Uint8Array> {
  const { record, contentHash } = withoutHash(finalized)
  const { doc, bytes } = await openRecordPdf({ title: `${LABELS.pageTitle}: ${record.title}`, subject: record.prompt })
  const layout = new Layout(doc)

  layout.head({
    recordName: LABELS.pageTitle,
    title: record.title,
    subtitle: record.prompt,
    facts: `${LABELS.finalized} ${formatUtc(record.finalizedAt)} · ${participantCountText(record)}`
  })
  doc.y += 18

  for (const value of record.values) {
    const pieces = valuePieces(value, record.consensusRule)
    const block = layout.keepTogether(pieces, VALUE_INDENT)
    if (block) layout.bar(block.top, block.height, COLOURS.accent)
    layout.draw(pieces, VALUE_INDENT)
    doc.y += 22
  }

  doc.addPage()
  layout.draw(recordPieces(record, contentHash))
  addFooters(doc, `${record.title} · ${LABELS.pageTitle}`)
  doc.end()
  return bytes
}
