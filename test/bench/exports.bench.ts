/**
 * Export of a finalized 12-value workshop to every format, through the real exports service:
 * read the record from the library, render it, write the file atomically (temporary file,
 * fsync, rename) under a new name. The first PDF of a process also reads and parses the
 * embedded fonts; it is reported on its own and left out of the PDF samples.
 * Targets: PDF under 1 s, every other format under 50 ms.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EXPORT_FORMAT_INFO, EXPORT_FORMATS } from '../../shared/exports/formats'
import { ExportsService } from '../../electron/services/exports.service'
import { LibraryService } from '../../electron/services/library.service'
import { twelveValueRecord } from '../exports/valuesFixtures'
import { report } from './stats'

const RUNS = 25

const dataDir = await mkdtemp(join(tmpdir(), 'bench-exports-'))
const library = await LibraryService.open(dataDir)
const workshop = await library.create({ template: 'core-values', title: 'Bench values' })
await library.finalize(workshop.id, { ...twelveValueRecord(), workshopId: workshop.id })
const exportsService = new ExportsService(library, join(dataDir, 'exports'))
const folder = join(dataDir, 'exports')

const timed = async (run: () => Promise<unknown>) => {
  const started = performance.now()
  await run()
  return performance.now() - started
}

const firstPdf = await timed(() => exportsService.write(workshop.id, 'pdf', folder))
for (const format of EXPORT_FORMATS) {
  const samples: number[] = []
  for (let run = 0; run < RUNS; run++) samples.push(await timed(() => exportsService.write(workshop.id, format, folder)))
  report(`Export 12 values, ${EXPORT_FORMAT_INFO[format].label}`, samples, 'ms', format === 'pdf' ? '< 1000 ms' : '< 50 ms')
}
console.log(`First PDF in this process (reads and parses the fonts): ${firstPdf.toFixed(0)} ms`)
await rm(dataDir, { recursive: true, force: true })
