import PDFDocument from 'pdfkit'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadDejaVuFonts } from '../../../../electron/services/dejavuFonts'
import { fitText, printable, textWidth, wrapText, type FontWeight } from '../../../../shared/exports/textMetrics'
import { squash } from '../../../exports/readBack'

const SENTENCES = [
  'The quick brown fox jumps over the lazy dog, 1234567890!',
  'Chloé’s “Überzeugung” — Ærlighet, Zażółć gęślą jaźń',
  'Ακεραιότητα και Честность: Tiếng Việt có dấu',
  'WWW MMM iii lll ... ??? €100 → ★ ✓'
]

describe('textWidth, against PDFKit measuring DejaVu Sans itself', () => {
  let doc: PDFKit.PDFDocument
  beforeAll(async () => {
    const fonts = await loadDejaVuFonts()
    doc = new PDFDocument({ autoFirstPage: false })
    doc.registerFont('regular', fonts.regular)
    doc.registerFont('bold', fonts.bold)
  })

  it.each(['regular', 'bold'] as FontWeight[])('never measures %s text narrower than it is, and at most 2% wider', (weight) => {
    for (const sentence of SENTENCES) {
      const actual = doc.font(weight).fontSize(10).widthOfString(sentence)
      const measured = textWidth(sentence, { size: 10, weight })
      expect(measured, sentence).toBeGreaterThanOrEqual(actual - 0.01)
      expect(measured, sentence).toBeLessThanOrEqual(actual * 1.02)
    }
  })

  it('counts a character DejaVu lacks as one em', () => {
    expect(textWidth('漢', { size: 10, weight: 'regular' })).toBe(10)
    expect(textWidth('😬', { size: 8, weight: 'bold' })).toBe(8)
  })
})

describe('wrapText', () => {
  const style = { size: 8, weight: 'regular' } as const

  it('breaks at spaces into lines no wider than asked, keeping every word in order', () => {
    const text = 'Feedback comes only once a year, which is far too late to change anything'
    const { lines, complete } = wrapText(text, style, 100)
    expect(lines.length).toBeGreaterThan(1)
    expect(complete).toBe(true)
    for (const line of lines) expect(textWidth(line, style)).toBeLessThanOrEqual(100)
    expect(lines.join(' ')).toBe(text)
  })

  it('keeps the author’s line breaks and drops blank lines', () => {
    expect(wrapText('First line\r\n\nsecond line', style, 500).lines).toEqual(['First line', 'second line'])
  })

  it('cuts a word wider than the line, and never inside a character', () => {
    const { lines } = wrapText('Pneumonoultramicroscopicsilicovolcanoconiosis 👩🏽‍💻👩🏽‍💻👩🏽‍💻👩🏽‍💻👩🏽‍💻👩🏽‍💻', style, 60)
    for (const line of lines) expect(textWidth(line, style)).toBeLessThanOrEqual(60)
    expect(squash(lines.join(''))).toBe('Pneumonoultramicroscopicsilicovolcanoconiosis👩🏽‍💻👩🏽‍💻👩🏽‍💻👩🏽‍💻👩🏽‍💻👩🏽‍💻')
    expect(lines.filter((line) => line.startsWith('👩')).every((line) => /^(👩🏽‍💻)+$/u.test(line))).toBe(true)
  })

  it('ends the last line allowed with “…” when the text needs more', () => {
    const { lines, complete } = wrapText('one two three four five six seven eight nine ten', style, 40, 2)
    expect(lines).toHaveLength(2)
    expect(complete).toBe(false)
    expect(lines[1]!.endsWith('…')).toBe(true)
    expect(textWidth(lines[1]!, style)).toBeLessThanOrEqual(40)
  })
})

describe('fitText and printable', () => {
  it('shortens a line with “…” only when it does not fit', () => {
    const style = { size: 7, weight: 'bold' } as const
    expect(fitText('Ownership', style, 100)).toBe('Ownership')
    const cut = fitText('Customer Obsessed Ownership', style, 50)
    expect(cut).toMatch(/^Customer.*…$/)
    expect(textWidth(cut, style)).toBeLessThanOrEqual(50)
  })

  it('replaces characters that XML cannot hold, and keeps everything else', () => {
    expect(printable('bell\u0007 tab\t nul\u0000 lone\ud800 end\r\nok 😬')).toBe('bell\uFFFD tab  nul\uFFFD lone\uFFFD end\nok 😬')
  })
})
