import { beforeAll, describe, expect, it } from 'vitest'
import { JOURNEY_PNG_DPI, journeyPng } from '../../../../electron/services/journeyPng'
import { NOTE_PALETTE } from '../../../../shared/exports/journeyLayout'
import { journeySvg } from '../../../../shared/exports/journeySvg'
import { finalizedJourney, fullJourneyRecord, smallJourneyRecord } from '../../../exports/journeyFixtures'
import { colourCounts, differingPixels, readPng, renderSvg, type Pixels } from '../../../exports/readGraphics'

/** A3's 420 mm at the export's resolution. */
const A3_WIDTH_PIXELS = Math.round((420 / 25.4) * JOURNEY_PNG_DPI)

describe('journeyPng, decoded by pngjs', () => {
  const small = finalizedJourney(smallJourneyRecord())
  let image: Pixels
  beforeAll(async () => {
    image = readPng(await journeyPng(small))
  })

  it(`is A3 landscape at ${JOURNEY_PNG_DPI} dpi`, () => {
    expect(image.width).toBe(A3_WIDTH_PIXELS)
    expect(image.height).toBe(Math.round((A3_WIDTH_PIXELS * 297) / 420))
  })

  it('shows the notes in the board’s colours on white', () => {
    const counts = colourCounts(image)
    expect(counts.size).toBeGreaterThan(100)
    expect(counts.get('#ffffff')! / (image.width * image.height)).toBeLessThan(0.95)
    for (const colour of new Set(small.notes.map((note) => note.colour))) expect(counts.get(NOTE_PALETTE[colour].fill) ?? 0, colour).toBeGreaterThan(2000)
  })

  it('draws the text, in the DejaVu fonts it loads itself', () => {
    // Without any font loaded, resvg would leave out every letter: the picture without its <text> would match.
    const withoutText = renderSvg(journeySvg(small).replace(/<text\b[^>]*>.*?<\/text>/g, ''), image.width)
    expect(differingPixels(image, withoutText)).toBeGreaterThan(image.width * image.height * 0.01)
  })

  it('draws a full map taller than A3, at the same width', async () => {
    const full = readPng(await journeyPng(finalizedJourney(fullJourneyRecord())))
    expect(full.width).toBe(A3_WIDTH_PIXELS)
    expect(full.height).toBeGreaterThan(image.height)
    expect(full.height).toBeLessThanOrEqual(2 * image.height)
  })
})
