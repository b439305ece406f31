/**
 * Export of a finalized journey map of 8 stages × 6 lanes × 20 notes (960 notes) to every
 * format, calling the renderers directly (the exports service adds only the file write).
 * The first PNG and PDF of a process also load the fonts; they are reported on their own
 * and left out of the samples.
 * Targets: PNG and PDF under 2 s, SVG, CSV and Markdown under 100 ms.
 */
import { journeyPdf } from '../../electron/services/journeyPdf'
import { JOURNEY_PNG_DPI, journeyPng } from '../../electron/services/journeyPng'
import { journeyCsv } from '../../shared/exports/journeyCsv'
import { journeyMarkdown } from '../../shared/exports/journeyMarkdown'
import { journeySvg } from '../../shared/exports/journeySvg'
import { finalizedJourney, fullJourneyRecord } from '../exports/journeyFixtures'
import { report } from './stats'

const finalized = finalizedJourney(fullJourneyRecord())

const timed = async (run: () => unknown) => {
  const started = performance.now()
  await run()
  return performance.now() - started
}

async function sample(name: string, runs: number, target: string, render: () => unknown): Promise<void> {
  const samples: number[] = []
  for (let run = 0; run < runs; run++) samples.push(await timed(render))
  report(`Export a 960-note journey map, ${name}`, samples, 'ms', target)
}

const firstPng = await timed(() => journeyPng(finalized))
const firstPdf = await timed(() => journeyPdf(finalized))
await sample('SVG', 25, '< 100 ms', () => journeySvg(finalized))
await sample('CSV', 25, '< 100 ms', () => journeyCsv(finalized))
await sample('Markdown', 25, '< 100 ms', () => journeyMarkdown(finalized))
await sample(`PNG (${JOURNEY_PNG_DPI} dpi)`, 15, '< 2000 ms', () => journeyPng(finalized))
await sample('PDF', 15, '< 2000 ms', () => journeyPdf(finalized))
const png = await journeyPng(finalized)
const pdf = await journeyPdf(finalized)
console.log(`Sizes: SVG ${(journeySvg(finalized).length / 1024).toFixed(0)} KB, PNG ${(png.length / 1024).toFixed(0)} KB, PDF ${(pdf.length / 1024).toFixed(0)} KB`)
console.log(`First PNG in this process: ${firstPng.toFixed(0)} ms; first PDF (reads and parses the fonts): ${firstPdf.toFixed(0)} ms`)
