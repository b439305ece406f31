import { describe, expect, it } from 'vitest'
import { NOTE_PALETTE } from '../../../../shared/exports/journeyLayout'
import { journeySvg } from '../../../../shared/exports/journeySvg'
import type { JourneyRecord } from '../../../../shared/journeyRecord'
import { AWKWARD_NOTES, finalizedJourney, fullJourneyRecord, smallJourneyRecord, tiedJourneyRecord } from '../../../exports/journeyFixtures'
import { colourCounts, readSvg, renderSvg, textOf } from '../../../exports/readGraphics'
import { squash } from '../../../exports/readBack'

/** Each note as the SVG groups it: its description (a tooltip in viewers) and the lines drawn. */
function notesIn(svg: string) {
  return readSvg(svg)
    .all('g')
    .filter((group) => group.firstChild?.nodeName === 'title')
    .map((group) => ({
      title: textOf(group.getElementsByTagName('title')[0]!),
      lines: Array.from(group.getElementsByTagName('text')).map(textOf)
    }))
}

describe('journeySvg, read back by an XML parser', () => {
  const record = smallJourneyRecord()
  const svg = journeySvg(finalizedJourney(record))
  const read = readSvg(svg)

  it('is well-formed SVG the size of A3 landscape', () => {
    expect(read.errors).toEqual([])
    expect(read.root.localName).toBe('svg')
    expect(read.root.namespaceURI).toBe('http://www.w3.org/2000/svg')
    expect(read.root.getAttribute('width')).toBe('420mm')
    expect(read.root.getAttribute('height')).toBe('297mm')
    expect(read.root.getAttribute('viewBox')).toBe('0 0 1190.55 841.89')
  })

  it('draws every note in full, each with its dots and linked value', () => {
    const notes = notesIn(svg)
    expect(notes).toHaveLength(record.notes.length)
    for (const note of record.notes) {
      const drawn = notes.find((each) => each.title.startsWith(note.text))
      expect(drawn, note.text).toBeDefined()
      const rank = record.votes.ranking.find((place) => place.noteId === note.id)?.rank
      const dots = note.votes === null ? [] : [`${note.votes} dot${note.votes === 1 ? '' : 's'}${note.votes > 0 ? `, rank ${rank}` : ''}`]
      const details = [...dots, ...(note.linkedValue ? [note.linkedValue.name] : [])]
      // Lines wrap where the layout needs them to; the words and their order must stay.
      expect(squash(drawn!.lines.join(''))).toBe(squash(note.text + details.join('')))
    }
  })

  it('keeps markup, ampersands, quotes and emoji as the text people typed', () => {
    expect(read.tags).not.toContain('script')
    expect(read.tags).not.toContain('b')
    const titles = notesIn(svg).map((note) => note.title)
    expect(titles).toContain(`${AWKWARD_NOTES.markup} · 7 dots, ranked 3`)
    expect(titles).toContain(`${AWKWARD_NOTES.emoji} · 9 dots, ranked 2`)
    expect(titles).toContain(AWKWARD_NOTES.quotes)
    expect(textOf(read.all('title')[0]!)).toBe(`Employee journey map: ${record.title}`)
  })

  it('stays well-formed whatever characters a note holds', () => {
    const hostile: JourneyRecord = {
      ...record,
      notes: record.notes.map((note, index) => (index === 0 ? { ...note, text: 'bell\u0007, nul\u0000, lone \ud83d, ]]> <!-- -->' } : note))
    }
    const reread = readSvg(journeySvg(finalizedJourney(hostile)))
    expect(reread.errors).toEqual([])
    expect(notesIn(journeySvg(finalizedJourney(hostile)))[0]!.title).toBe('bell\uFFFD, nul\uFFFD, lone \uFFFD, ]]> <!-- -->')
  })

  it('shows the emotion curve: a marker per stage with a median, and a labelled gap where too few rated', () => {
    const texts = read.all('text').map(textOf)
    expect(texts).toEqual(expect.arrayContaining(['median +1, 9 ratings', 'median −1.5, 8 ratings', 'fewer than 3 ratings', 'no ratings']))
    const stageCentres = Array.from(read.all('text'))
      .filter((text) => record.stages.some((stage) => stage.name === textOf(text)))
      .map((text) => Number(text.getAttribute('x')))
    const markers = read.all('circle').filter((circle) => circle.getAttribute('r') === '3.5')
    // Four stages have a median (the last two are withheld): one marker each, in the first four columns.
    expect(markers).toHaveLength(4)
    const columnWidth = stageCentres[1]! - stageCentres[0]!
    markers.forEach((marker, index) => {
      const x = Number(marker.getAttribute('cx'))
      expect(x).toBeGreaterThan(stageCentres[index]!)
      expect(x).toBeLessThan(stageCentres[index]! + columnWidth)
    })
  })

  it('sets text in DejaVu Sans, nowhere smaller than 7 pt on A3', () => {
    expect(read.root.getAttribute('font-family')).toMatch(/^'DejaVu Sans', .*sans-serif$/)
    const sizes = read.all('text').map((text) => Number(text.getAttribute('font-size')))
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(7)
  })
})

describe('journeySvg, drawn by resvg', () => {
  it.each([
    ['a small map', smallJourneyRecord()],
    ['a full map', fullJourneyRecord()]
  ])('paints %s in the board’s note colours on white', (_, record) => {
    const pixels = renderSvg(journeySvg(finalizedJourney(record)), 1190)
    const counts = colourCounts(pixels)
    const total = pixels.width * pixels.height
    expect(counts.get('#ffffff')! / total).toBeLessThan(0.95)
    for (const colour of new Set(record.notes.map((note) => note.colour))) {
      expect(counts.get(NOTE_PALETTE[colour].fill) ?? 0, colour).toBeGreaterThan(500)
    }
  })

  it('grows a full map taller than A3, keeping its width', () => {
    const read = readSvg(journeySvg(finalizedJourney(fullJourneyRecord())))
    expect(read.root.getAttribute('width')).toBe('420mm')
    const height = Number(read.root.getAttribute('height')!.replace('mm', ''))
    expect(height).toBeGreaterThan(297)
    expect(height).toBeLessThanOrEqual(2 * 297)
  })

  it('shows a tie as a tie on each note, drawn and described', () => {
    const notes = notesIn(journeySvg(finalizedJourney(tiedJourneyRecord())))
    const learning = notes.find((note) => note.title.startsWith('A learning budget'))!
    expect(learning.title).toBe(
      'A learning budget everyone knows about · 4 dots, ranked =5 (tied, kept by the facilitator) · lives our value “Learning” (from “Our core values 2026”)'
    )
    expect(squash(learning.lines.join(''))).toBe(squash('A learning budget everyone knows about 4 dots, rank =5 Learning'))
    const stay = notes.find((note) => note.title.startsWith('Stay interviews'))!
    expect(stay.title).toContain('9 dots, ranked 2 (tie broken by the facilitator)')
  })
})
