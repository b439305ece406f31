/**
 * The layout every PDF export of a text record shares: an A4 page, paragraphs ("pieces")
 * measured before they are drawn so a block that fits on a page is never split, rules, an
 * accent bar, and a footer with page numbers.
 */
import type { FontName } from './dejavuFonts'

/** The colours of the app's look, in print. */
export const INK = { text: '#1d2733', muted: '#5b6776', accent: '#2a56c6' } as const
export const PAGE = { size: 'A4', margin: 56, footer: 28 } as const

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

  rule(colour: string, thickness: number): void {
    const y = this.#doc.y
    this.#doc.save().moveTo(this.#left, y).lineTo(this.#left + this.#width, y).lineWidth(thickness).stroke(colour).restore()
  }

  bar(top: number, height: number, colour: string): void {
    this.#doc.save().rect(this.#left, top, 3, height).fill(colour).restore()
  }
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
