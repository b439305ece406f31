import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { journeyPdf } from '../../../../electron/services/journeyPdf'
import { layoutJourney } from '../../../../shared/exports/journeyLayout'
import { AWKWARD_NOTES, finalizedJourney, fullJourneyRecord, smallJourneyRecord, tiedJourneyRecord } from '../../../exports/journeyFixtures'
import { pdfInfo, pdfText, squash } from '../../../exports/readBack'
import { pdfTextIn } from '../../../exports/readGraphics'
import { useTempDir } from './tempDir'

const tempDir = useTempDir()

/** Text DejaVu cannot show (emoji) comes out of the PDF as empty boxes, so pdftotext cannot read it back. */
const withoutEmoji = (text: string) => text.replace(/\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d/gu, '')

async function read(bytes: Uint8Array) {
  const path = join(tempDir(), 'journey.pdf')
  await writeFile(path, bytes)
  return { path, text: await pdfText(path), info: await pdfInfo(path) }
}

describe('journeyPdf, read back by pdftotext', () => {
  const record = smallJourneyRecord()
  const document = finalizedJourney(record)
  let bytes: Uint8Array
  beforeAll(async () => {
    bytes = await journeyPdf(document)
  })

  it('is one A3 landscape page with the title, every stage and every lane', async () => {
    const pdf = await read(bytes)
    expect(pdf.info).toEqual({ pages: 1, pageSize: '1190.55 x 841.89 pts (A3)' })
    expect(pdf.text).toContain(record.title)
    for (const { name } of [...record.stages, ...record.lanes]) expect(squash(pdf.text)).toContain(squash(name))
  })

  it('holds every note as text, each in its own cell', async () => {
    const pdf = await read(bytes)
    const layout = layoutJourney(document)
    for (const cell of layout.cells) {
      const inCell = squash(await pdfTextIn(pdf.path, 1, cell.box))
      for (const placed of cell.notes) {
        const note = record.notes.find((each) => each.id === placed.id)!
        expect(inCell, note.text).toContain(squash(withoutEmoji(note.text)))
      }
    }
  })

  it('keeps markup, quotes, accents and other scripts as they were typed', async () => {
    const pdf = await read(bytes)
    expect(pdf.text).toContain('Chloé’s “first day” — Ærlighet,')
    expect(pdf.text).toContain('Zażółć, Ακεραιότητα, Честность')
    expect(squash(pdf.text)).toContain(squash(AWKWARD_NOTES.markup))
    expect(squash(pdf.text)).toContain(squash(AWKWARD_NOTES.markdown))
  })

  it('shows the emotion curve’s medians, and why two stages have none', async () => {
    const pdf = await read(bytes)
    for (const words of ['median +1, 9 ratings', 'median −1.5, 8 ratings', 'fewer than 3 ratings', 'no ratings']) expect(pdf.text).toContain(words)
  })

  it('ends with the legend and the content hash', async () => {
    const pdf = await read(bytes)
    expect(pdf.text).toContain('Dots and rank in the dot vote (“=5”: tied with other notes)')
    expect(pdf.text).toContain(`Content hash (SHA-256): ${document.contentHash}`)
  })

  it('shows a tie as a tie: tied notes share a rank marked “=”, a broken tie takes the facilitator’s order', async () => {
    const pdf = await read(await journeyPdf(finalizedJourney(tiedJourneyRecord())))
    const text = squash(pdf.text)
    expect(text.match(/4dots,rank=5/g)).toHaveLength(2)
    expect(text).toContain(squash('9 dots, rank 2'))
    expect(text).toContain(squash('9 dots, rank 3'))
  })
})

describe('journeyPdf of a full map', () => {
  it('takes two A3 pages, with the stage names on each and the notes that fit', async () => {
    const document = finalizedJourney(fullJourneyRecord())
    const pdf = await read(await journeyPdf(document))
    expect(pdf.info).toEqual({ pages: 2, pageSize: '1190.55 x 841.89 pts (A3)' })
    const pages = pdf.text.split('\f').slice(0, 2)
    for (const page of pages) for (const stage of document.stages) expect(page).toContain(stage.name)
    const layout = layoutJourney(document)
    const shown = layout.cells.flatMap((cell) => cell.notes).map((placed) => document.notes.find((note) => note.id === placed.id)!)
    for (const note of shown) expect(squash(pdf.text)).toContain(squash(note.text))
    const hidden = document.notes.length - shown.length
    expect(pages[1]).toContain(`${hidden} notes did not fit in their cells. The Markdown and CSV exports hold every note.`)
    expect(pages[1]).toContain('Employee journey map · 2 of 2')
  })
})
