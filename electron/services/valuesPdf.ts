/**
 * A finalized values record as an A4 PDF, laid out with PDFKit. The text is set in DejaVu
 * Sans (dejavuFonts.ts), embedded as a subset with the ToUnicode map that lets readers copy
 * and search the text (pdfDocument.ts).
 */
import {
  teamNotesOf,
  votePlacesOf,
  withoutHash,
  type FinalizedValues,
  type StoredValuesRecord,
  type TeamNotes,
  type ValueStatement,
  type ValuesRecord
} from '../../shared/valuesRecord'
import {
  consensusRuleText,
  consensusText,
  dotVoteText,
  fingersText,
  formatTime,
  LABELS,
  noteGroups,
  participantCountText,
  participantsText,
  rankingLines,
  teamNotesIntro
} from '../../shared/exports/valuesText'
import { addFooters, decisionRecordPieces, eyebrow, INK, Layout, MARKER_WIDTH, openRecordPdf, type Piece } from './pdfLayout'

const COLOURS = { ...INK, warn: '#9a3412', good: '#15803d', bad: '#b42318' }
/** Room for a rank up to "=500." (a tie's shared rank). */
const RANK_WIDTH = 34
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

function recordPieces(record: StoredValuesRecord, contentHash: string): Piece[] {
  const ranking = rankingLines(votePlacesOf(record)).flatMap(({ rank, text }) =>
    listPieces([text], { text: rank, color: COLOURS.muted }, 2, RANK_WIDTH)
  )
  return [
    { text: LABELS.decisionRecord, font: 'bold', size: 18, color: COLOURS.text, gap: 0 },
    ...decisionRecordPieces({
      facts: [
        [LABELS.finalized, formatTime(record.finalizedAt)],
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

/** A cluster's title stays on the page of its first notes. */
const NOTES_KEPT_WITH_TITLE = 2

/**
 * The appendix, flowing on from the decision record: each cluster's title, then its notes as
 * a list, wrapped and carried across as many pages as they need.
 */
function drawTeamNotes(layout: Layout, notes: TeamNotes | null): void {
  const heading: Piece = { text: LABELS.teamNotes, font: 'bold', size: 18, color: COLOURS.text, gap: 0 }
  const intro = (text: string): Piece => ({ text, font: 'regular', size: 9.5, color: COLOURS.muted, gap: 4 })
  if (notes === null) {
    const pieces = [heading, intro(LABELS.notesNotKept)]
    layout.keepTogether(pieces, 0)
    layout.draw(pieces)
    return
  }
  noteGroups(notes).forEach((group, index) => {
    const title: Piece = { text: group.title, font: 'bold', size: 12, color: COLOURS.text, gap: index === 0 ? 12 : 14 }
    const items =
      group.notes.length > 0
        ? listPieces(group.notes, { text: '•', color: COLOURS.muted }, 3)
        : [{ text: LABELS.emptyCluster, font: 'regular', size: 10.5, color: COLOURS.muted, gap: 3 } satisfies Piece]
    const lead = index === 0 ? [heading, intro(teamNotesIntro(notes)), title] : [title]
    layout.keepTogether([...lead, ...items.slice(0, NOTES_KEPT_WITH_TITLE)], 0)
    layout.draw([...lead, ...items])
  })
}

export async function valuesPdf(finalized: FinalizedValues): Promise<Uint8Array> {
  const { record, contentHash } = withoutHash(finalized)
  const { doc, bytes } = await openRecordPdf({ title: `${LABELS.pageTitle}: ${record.title}`, subject: record.prompt })
  const layout = new Layout(doc)

  layout.head({
    recordName: LABELS.pageTitle,
    title: record.title,
    subtitle: record.prompt,
    facts: `${LABELS.finalized} ${formatTime(record.finalizedAt)} · ${participantCountText(record)}`
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
  doc.y += 30
  drawTeamNotes(layout, teamNotesOf(finalized))
  addFooters(doc, `${record.title} · ${LABELS.pageTitle}`)
  doc.end()
  return bytes
}
