/**
 * Measures and wraps text as DejaVu Sans sets it, so that a map laid out here fits the same
 * way in the SVG (rendered to PNG with DejaVu loaded), in the PDF (DejaVu embedded) and in a
 * browser that has DejaVu. Widths are the font's advance widths, rounded up and without
 * kerning, which only ever narrows text: a line measured here never comes out wider.
 * Characters DejaVu lacks (Chinese, Japanese, Korean, emoji) count as one em, the widest
 * they come out in any fallback font.
 */
import { DEJAVU_SANS_METRICS as METRICS } from './dejavuMetrics'

export type FontWeight = 'regular' | 'bold'

export interface TextStyle {
  /** Points, or whatever unit the layout draws in. */
  size: number
  weight: FontWeight
}

/** For SVG: DejaVu Sans where it is installed or loaded, else its metric twin Bitstream Vera, else a sans-serif. */
export const FONT_FAMILY = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif"

/** Baseline to baseline, as a multiple of the font size: DejaVu's ascent and descent with a little air. */
export const LINE_HEIGHT = 1.22

/** Above the baseline, as a multiple of the font size. */
export const ASCENT = METRICS.ascent

const ELLIPSIS = '…'

function decode(widths: string): Uint16Array {
  const decoded = new Uint16Array(widths.length / 2)
  for (let index = 0; index < decoded.length; index++) decoded[index] = parseInt(widths.slice(index * 2, index * 2 + 2), 36)
  return decoded
}

let tables: Record<FontWeight, Uint16Array> | undefined

/** The advance width of one code point, in the metrics' units per em. */
function advance(codePoint: number, weight: FontWeight): number {
  tables ??= { regular: decode(METRICS.regular), bold: decode(METRICS.bold) }
  let offset = 0
  for (const [first, last] of METRICS.ranges) {
    if (codePoint >= first && codePoint <= last) return tables[weight][offset + codePoint - first]!
    offset += last - first + 1
  }
  return METRICS.unitsPerEm
}

export function textWidth(text: string, style: TextStyle): number {
  let units = 0
  for (const char of text) units += advance(char.codePointAt(0)!, style.weight)
  return (units * style.size) / METRICS.unitsPerEm
}

// Characters XML 1.0 forbids (C0 controls but tab and line breaks, lone surrogates, U+FFFE and U+FFFF), and C1 controls.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** Text as it can be drawn and written to XML: unprintable characters become U+FFFD, tabs spaces, every line break "\n". */
export const printable = (text: string): string => text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(UNPRINTABLE, '\uFFFD')

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })

/** Latin, Greek and Cyrillic letters, punctuation and symbols without combining marks or joiners: one code point, one character. */
const ONE_CODE_POINT_EACH = /^[\u0020-\u02ff\u0370-\u0482\u048a-\u052f\u1e00-\u1fff\u2000-\u200b\u200e-\u20cf\u2100-\u27bf]*$/

/** Whole characters as a reader sees them (an emoji with its modifiers, a letter with its accents). */
function splitGraphemes(text: string): string[] {
  // The segmenter is exact but slow; most text needs none of it.
  return ONE_CODE_POINT_EACH.test(text) ? Array.from(text) : Array.from(graphemes.segment(text), (part) => part.segment)
}

/** The longest start of `text` that fits `width` with "…" after it, or the text itself when it fits whole. */
export function fitText(text: string, style: TextStyle, width: number): string {
  if (textWidth(text, style) <= width) return text
  return ellipsized(text, style, width)
}

function ellipsized(text: string, style: TextStyle, width: number): string {
  const room = width - textWidth(ELLIPSIS, style)
  let kept = ''
  let used = 0
  for (const grapheme of splitGraphemes(text)) {
    const next = textWidth(grapheme, style)
    if (used + next > room) break
    kept += grapheme
    used += next
  }
  return `${kept.trimEnd()}${ELLIPSIS}`
}

/** A word wider than the line, cut into pieces that each fit (the last one may be short). */
function splitWord(word: string, style: TextStyle, width: number): string[] {
  const pieces: string[] = []
  let piece = ''
  let pieceWidth = 0
  for (const grapheme of splitGraphemes(word)) {
    const graphemeWidth = textWidth(grapheme, style)
    if (piece && pieceWidth + graphemeWidth > width) {
      pieces.push(piece)
      piece = ''
      pieceWidth = 0
    }
    piece += grapheme
    pieceWidth += graphemeWidth
  }
  return [...pieces, piece]
}

export interface WrappedText {
  lines: string[]
  /** False when the text needed more than `maxLines` and the last line ends in "…". */
  complete: boolean
}

/**
 * Text broken into lines no wider than `width`: at spaces, at the author's own line breaks
 * (blank lines dropped), and inside a word only when the word alone is wider than a line.
 * Past `maxLines`, the last line kept ends in "…".
 */
export function wrapText(text: string, style: TextStyle, width: number, maxLines = Infinity): WrappedText {
  const space = textWidth(' ', style)
  const lines: string[] = []
  for (const paragraph of printable(text).split('\n')) {
    let line = ''
    let lineWidth = 0
    for (const word of paragraph.split(' ').filter(Boolean)) {
      const wordWidth = textWidth(word, style)
      if (line && lineWidth + space + wordWidth <= width) {
        line += ` ${word}`
        lineWidth += space + wordWidth
        continue
      }
      if (line) lines.push(line)
      const pieces = wordWidth <= width ? [word] : splitWord(word, style, width)
      lines.push(...pieces.slice(0, -1))
      line = pieces.at(-1)!
      lineWidth = textWidth(line, style)
    }
    if (line) lines.push(line)
  }
  if (lines.length <= maxLines) return { lines, complete: true }
  const kept = lines.slice(0, maxLines)
  kept[maxLines - 1] = ellipsized(`${kept[maxLines - 1]!} ${lines[maxLines]!}`, style, width)
  return { lines: kept, complete: false }
}
