/**
 * A finalized values record as an A4 PDF, laid out with PDFKit. The text is set in DejaVu
 * Sans, embedded (as a subset) from the dejavu-fonts-ttf package: PDF's standard fonts only
 * know Western European letters, and DejaVu also covers the rest of Latin, Greek and
 * Cyrillic, with the ToUnicode map that lets readers copy and search the text. Scripts it
 * lacks (Chinese, Japanese, Korean, emoji) come out as empty boxes; the other exports keep them.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import { withoutHash, type FinalizedValues, type ValueStatement, type ValuesRecord } from '../../shared/valuesRecord'
import {
  consensusRuleText,
  consensusText,
  dotsText,
  dotVoteText,
  fingersText,
  formatUtc,
  formatUtcSpan,
  LABELS,
  participantCountText,
  participantsText
} from '../../shared/exports/valuesText'

type FontName = 'regular' | 'bold'

const COLOURS = { text: '#1d2733', muted: '#5b6776', accent: '#2a56c6', warn: '#9a3412', good: '#15803d', bad: '#b42318' }
const PAGE = { size: 'A4', margin: 56, footer: 28 } as const
const MARKER_WIDTH = 14
/** Room for a rank up to "500.". */
const RANK_WIDTH = 24
/** Values sit right of an accent bar. */
const VALUE_INDENT = 14

/** One paragraph of the layout: measured before it is drawn, so a value is never split if it fits on a page. */
interface Piece {
  text: string
  font: FontName
  size: number
  color: string
  /** Space above, in points. */
  gap: number
  indent?: number
  /** Drawn in the indent before the first line: a bullet, a tick, a cross or a rank. */
  marker?: { text: string; color: string }
  characterSpacing?: number
}

// Not named `require`: the main bundle declares one of its own.
const packages = createRequire(import.meta.url)
let fontFiles: Promise<Record<FontName, Buffer>> | undefined

function loadFonts(): Promise<Record<FontName, Buffer>> {
  fontFiles ??= Promise.all([
    readFile(packages.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    readFile(packages.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'))
  ]).then(([regular, bold]) => ({ regular, bold }))
  // A failed read is not cached: the next export tries again.
  fontFiles.catch(() => (fontFiles = undefined))
  return fontFiles
}

const eyebrow = (text: string, gap: number, color = COLOURS.muted): Piece => ({
  text: text.toUpperCase(),
  font: 'bold',
  size: 8.5,
  color,
  gap,
  characterSpacing: 0.8
})

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
  const fact = (label: string, text: string): Piece[] => [
    eyebrow(label, 10),
    { text, font: 'regular', size: 10.5, color: COLOURS.text, gap: 2 }
  ]
  const pieces: Piece[] = [
    { text: LABELS.decisionRecord, font: 'bold', size: 18, color: COLOURS.text, gap: 0 },
    ...fact(LABELS.finalized, formatUtc(record.finalizedAt)),
    ...fact(LABELS.question, record.prompt),
    ...fact(LABELS.participants, participantsText(record)),
    ...fact(LABELS.dotVote, dotVoteText(record.votes)),
    ...fact(LABELS.consensusRule, consensusRuleText(record.consensusRule))
  ]
  if (record.votes.ranking.length > 0) {
    pieces.push(eyebrow(LABELS.ranking, 10))
    record.votes.ranking.forEach(({ cluster, dots }, index) => {
      pieces.push(...listPieces([`${cluster}: ${dotsText(dots)}`], { text: `${index + 1}.`, color: COLOURS.muted }, 2, RANK_WIDTH))
    })
  }
  if (record.stages.length > 0) {
    pieces.push(eyebrow(LABELS.stages, 10))
    pieces.push(...listPieces(record.stages.map((stage) => `${stage.stage}: ${formatUtcSpan(stage.startedAt, stage.endedAt)}`), { text: '•', color: COLOURS.muted }))
  }
  pieces.push(
    ...fact(LABELS.contentHash, contentHash),
    { text: LABELS.hashNote, font: 'regular', size: 8.5, color: COLOURS.muted, gap: 2 }
  )
  return pieces
}

class Layout {
  readonly #doc: PDFKit.PDFDocument
  readonly #left: number
  readonly #width: number

  constructor(doc: PDFKit.PDFDocument) {
    this.#doc = doc
    this.#left = doc.page.margins.left
    this.#width = doc.page.width - doc.page.margins.left - doc.page.margins.right
  }

  /** Sets the piece's font and returns its text options; `offset` moves a whole block right. */
  #style(piece: Piece, offset: number): PDFKit.Mixins.TextOptions {
    this.#doc.font(piece.font).fontSize(piece.size)
    return { width: this.#width - offset - (piece.indent ?? 0), characterSpacing: piece.characterSpacing ?? 0, lineGap: 1.5 }
  }

  #height(pieces: Piece[], offset: number): number {
    return pieces.reduce((sum, piece) => sum + piece.gap + this.#doc.heightOfString(piece.text, this.#style(piece, offset)), 0)
  }

  get #room(): number {
    return this.#doc.page.height - this.#doc.page.margins.bottom - this.#doc.y
  }

  /**
   * Starts a new page first when the pieces would fit on a fresh page but not in what is
   * left of this one. Returns where they will start and how tall they are, or null when
   * they are taller than a page and will flow across pages.
   */
  keepTogether(pieces: Piece[], offset: number): { top: number; height: number } | null {
    const { margins, height: pageHeight } = this.#doc.page
    const height = this.#height(pieces, offset)
    if (height > pageHeight - margins.top - margins.bottom) return null
    if (height > this.#room) this.#doc.addPage()
    return { top: this.#doc.y, height }
  }

  draw(pieces: Piece[], offset = 0): void {
    const doc = this.#doc
    for (const piece of pieces) {
      doc.y += piece.gap
      const options = this.#style(piece, offset)
      // A marker must land on the same page as the first line of its text.
      if (this.#room < doc.currentLineHeight(true)) doc.addPage()
      const x = this.#left + offset + (piece.indent ?? 0)
      const top = doc.y
      if (piece.marker) doc.fillColor(piece.marker.color).text(piece.marker.text, this.#left + offset, top, { lineBreak: false })
      doc.fillColor(piece.color).text(piece.text, x, top, options)
    }
    doc.x = this.#left
  }

  rule(colour: string, thickness: number): void {
    const y = this.#doc.y
    this.#doc.save().moveTo(this.#left, y).lineTo(this.#left + this.#width, y).lineWidth(thickness).stroke(colour).restore()
  }

  bar(top: number, height: number, colour: string): void {
    this.#doc.save().rect(this.#left, top, 3, height).fill(colour).restore()
  }
}

/** "Title · Our values · 2 of 5" at the foot of every page. */
function addFooters(doc: PDFKit.PDFDocument, title: string): void {
  const { start, count } = doc.bufferedPageRange()
  for (let index = start; index < start + count; index++) {
    const page = doc.switchToPage(index)
    const bottom = page.margins.bottom
    // Writing in the margin would otherwise make PDFKit start a new page.
    page.margins.bottom = 0
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(COLOURS.muted)
      .text(`${title} · ${LABELS.pageTitle} · ${index + 1} of ${count}`, page.margins.left, page.height - PAGE.footer - 8, {
        width: page.width - page.margins.left - page.margins.right,
        align: 'center',
        lineBreak: false,
        ellipsis: true
      })
    page.margins.bottom = bottom
  }
}

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = []
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
}

export async function valuesPdf(finalized: FinalizedValues): Promise<Uint8Array> {
  const { record, contentHash } = withoutHash(finalized)
  const fonts = await loadFonts()
  const doc = new PDFDocument({
    size: PAGE.size,
    margin: PAGE.margin,
    bufferPages: true,
    displayTitle: true,
    lang: 'en',
    info: { Title: `${LABELS.pageTitle}: ${record.title}`, Creator: 'Workshop Studio', Subject: record.prompt }
  })
  const bytes = collect(doc)
  doc.registerFont('regular', fonts.regular)
  doc.registerFont('bold', fonts.bold)
  const layout = new Layout(doc)

  layout.draw([
    eyebrow(LABELS.pageTitle, 0, COLOURS.accent),
    { text: record.title, font: 'bold', size: 24, color: COLOURS.text, gap: 4 },
    ...(record.prompt.trim() ? [{ text: record.prompt.trim(), font: 'regular', size: 12.5, color: COLOURS.muted, gap: 6 } satisfies Piece] : []),
    {
      text: `${LABELS.finalized} ${formatUtc(record.finalizedAt)} · ${participantCountText(record)}`,
      font: 'regular',
      size: 9,
      color: COLOURS.muted,
      gap: 6
    }
  ])
  doc.y += 10
  layout.rule(COLOURS.accent, 2)
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
  addFooters(doc, record.title)
  doc.end()
  return bytes
}
