/**
 * The layout every PDF export of a text record shares: an A4 page, paragraphs ("pieces")
 * measured before they are drawn so a block that fits on a page is never split, rules, an
 * accent bar, and a footer with page numbers; and the parts every record has, so that they
 * look alike: the head of the first page and the decision record.
 */
import { LABELS, stageTimeText } from '../../shared/exports/valuesText'
import type { ValuesRecord } from '../../shared/valuesRecord'
import type { FontName } from './dejavuFonts'
import { openPdf } from './pdfDocument'

/** The colours of the app's look, in print. */
export const INK = { text: '#1d2733', muted: '#5b6776', accent: '#2a56c6' } as const
export const PAGE = { size: 'A4', margin: 56, footer: 28 } as const
/** Room for a bullet, a tick or a cross before an item's text. */
export const MARKER_WIDTH = 14

/** One paragraph of the layout: measured before it is drawn, so a block is never split if it fits on a page. */
export interface Piece {
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

/** An A4 document, its pages kept until the end for the footers, titled for the reader's title bar. */
export const openRecordPdf = ({ title, subject }: { title: string; subject: string }) =>
  openPdf({
    size: PAGE.size,
    margin: PAGE.margin,
    bufferPages: true,
    displayTitle: true,
    lang: 'en',
    info: { Title: title, Creator: 'Workshop Studio', Subject: subject }
  })

/** A small heading in capitals above what it names. */
export const eyebrow = (text: string, gap: number, color: string = INK.muted): Piece => ({
  text: text.toUpperCase(),
  font: 'bold',
  size: 8.5,
  color,
  gap,
  characterSpacing: 0.8
})

/** Draws pieces one under the other from the top of the page, starting new pages as needed. */
export class Layout {
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
   * they are taller than a page and will flow across pages. `below` is room wanted under
   * them on the same page, such as a table's first row under its heading.
   */
  keepTogether(pieces: Piece[], offset: number, below = 0): { top: number; height: number } | null {
    const { margins, height: pageHeight } = this.#doc.page
    const height = this.#height(pieces, offset)
    if (height + below > pageHeight - margins.top - margins.bottom) return null
    if (height + below > this.#room) this.#doc.addPage()
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

  /**
   * The head of a record's first page: what the record is, its title, an optional subtitle
   * (the workshop's question) and a line of facts, with the accent rule under them.
   */
  head({ recordName, title, subtitle = '', facts }: { recordName: string; title: string; subtitle?: string; facts: string }): void {
    this.draw([
      eyebrow(recordName, 0, INK.accent),
      { text: title, font: 'bold', size: 24, color: INK.text, gap: 4 },
      ...(subtitle.trim() ? [{ text: subtitle.trim(), font: 'regular', size: 12.5, color: INK.muted, gap: 6 } satisfies Piece] : []),
      { text: facts, font: 'regular', size: 9, color: INK.muted, gap: 6 }
    ])
    this.#doc.y += 10
    this.rule(INK.accent, 2)
  }

  rule(colour: string, thickness: number): void {
    const y = this.#doc.y
    this.#doc.save().moveTo(this.#left, y).lineTo(this.#left + this.#width, y).lineWidth(thickness).stroke(colour).restore()
  }

  bar(top: number, height: number, colour: string): void {
    this.#doc.save().rect(this.#left, top, 3, height).fill(colour).restore()
  }
}

/** A fact of the decision record: its label, small and in capitals, above it. */
export const factPieces = (label: string, text: string): Piece[] => [eyebrow(label, 10), { text, font: 'regular', size: 10.5, color: INK.text, gap: 2 }]

export interface DecisionRecordPieces {
  facts: Array<[label: string, text: string]>
  /** What follows the facts, such as the dot vote's ranking. */
  details?: Piece[]
  stages: ValuesRecord['stages']
  contentHash: string
}

/** The decision record under its heading: its facts, when each stage ran, and the content hash with what it is for. */
export function decisionRecordPieces({ facts, details = [], stages, contentHash }: DecisionRecordPieces): Piece[] {
  const stageTimes: Piece[] = stages.map((stage) => ({
    text: stageTimeText(stage),
    font: 'regular',
    size: 10.5,
    color: INK.text,
    gap: 2,
    indent: MARKER_WIDTH,
    marker: { text: '•', color: INK.muted }
  }))
  return [
    ...facts.flatMap(([label, text]) => factPieces(label, text)),
    ...details,
    ...(stages.length > 0 ? [eyebrow(LABELS.stages, 10), ...stageTimes] : []),
    ...factPieces(LABELS.contentHash, contentHash),
    { text: LABELS.hashNote, font: 'regular', size: 8.5, color: INK.muted, gap: 2 }
  ]
}

/** "Title · Our values · 2 of 5" at the foot of every page: `label` and the page number. */
export function addFooters(doc: PDFKit.PDFDocument, label: string): void {
  const { start, count } = doc.bufferedPageRange()
  for (let index = start; index < start + count; index++) {
    const page = doc.switchToPage(index)
    const bottom = page.margins.bottom
    // Writing in the margin would otherwise make PDFKit start a new page.
    page.margins.bottom = 0
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(INK.muted)
      .text(`${label} · ${index + 1} of ${count}`, page.margins.left, page.height - PAGE.footer - 8, {
        width: page.width - page.margins.left - page.margins.right,
        align: 'center',
        lineBreak: false,
        ellipsis: true
      })
    page.margins.bottom = bottom
  }
}
