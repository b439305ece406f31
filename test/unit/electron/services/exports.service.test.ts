import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportFileName } from '../../../../shared/exports/fileName'
import { formatsOf } from '../../../../shared/exports/formats'
import { ExportsService } from '../../../../electron/services/exports.service'
import { LibraryService } from '../../../../electron/services/library.service'
import { hashOf, twelveValueRecord, versionOneRecord } from '../../../exports/valuesFixtures'
import { smallJourneyRecord } from '../../../exports/journeyFixtures'
import { PLAN_TEXT, supportPlanRecord } from '../../../exports/planFixtures'
import { colourCounts, readPng, readSvg, textOf } from '../../../exports/readGraphics'
import { journeyJsonSchema, type JourneyJsonDocument } from '../../../../shared/exports/journeyJson'
import type { FinalizedJourney } from '../../../../shared/journeyRecord'
import { keyedRows, pdfText, readCsv, readCsvTables, readHtml, readJson, readMarkdown, squash, titledTable } from '../../../exports/readBack'
import { useTempDir } from './tempDir'

const tempDir = useTempDir()
const STEM = 'Support team “values”, 2026 Q4-values'

async function setUp() {
  const library = await LibraryService.open(tempDir())
  const workshop = await library.create({ template: 'core-values', title: 'Values day' })
  const record = { ...twelveValueRecord(), workshopId: workshop.id }
  const exportsService = new ExportsService(library, join(tempDir(), 'exports'))
  return { library, workshop, record, exportsService, folder: join(tempDir(), 'chosen', 'folder') }
}

describe('ExportsService', () => {
  it('writes every format of a finalized workshop into the folder, creating it, named after the title', async () => {
    const { library, workshop, record, exportsService, folder } = await setUp()
    await library.finalize(workshop.id, record)

    const paths: string[] = []
    for (const format of formatsOf('core-values')) paths.push((await exportsService.write(workshop.id, format, folder)).path)

    expect(paths).toEqual(['.md', '.html', '.pdf', '.csv', '.json'].map((extension) => join(folder, `${STEM}${extension}`)))
    expect((await readdir(folder)).sort()).toEqual(paths.map((path) => path.slice(folder.length + 1)).sort())
    const text = (index: number) => readFile(paths[index]!, 'utf8')
    expect(readMarkdown(await text(0)).sections[0]!.heading).toBe('Integrity')
    expect(readHtml(await text(1)).values).toHaveLength(12)
    expect(await pdfText(paths[2]!)).toContain('Customer Obsessed')
    expect(keyedRows(readCsvTables(await text(3))[0]!)[0]).toMatchObject({ Value: 'Integrity', Row: 'Definition' })
    const json = readJson(await text(4))
    expect(json.errors).toEqual([])
    expect(json.document.contentHash.value).toBe(library.finalized(workshop.id)!.contentHash)

    // What the team wrote, in every one: each cluster with each of its notes, and the unsorted ones.
    const groups = [...record.clusters, { title: 'Unsorted ideas', notes: record.unsortedNotes }]
    expect(readMarkdown(await text(0)).section('What the team wrote').groups).toEqual(groups)
    expect(readHtml(await text(1)).teamNotes!.groups).toEqual(groups)
    const pdf = squash((await pdfText(paths[2]!)).split('What the team wrote')[1]!)
    for (const part of groups.flatMap(({ title, notes }) => [title, ...notes])) expect(pdf).toContain(squash(part))
    const csvNotes = keyedRows(titledTable(readCsvTables(await text(3)), 'What the team wrote')).filter((row) => row.Note !== '')
    expect(csvNotes.map((row) => [row.Cluster, row.Note!.replace(/^'(?=[=+\-@])/, '')])).toEqual(
      groups.flatMap(({ title, notes }) => notes.map((note) => [title, note]))
    )
    expect(json.document.record).toMatchObject({ clusters: record.clusters, unsortedNotes: record.unsortedNotes })
  })

  it('exports a record finalized before notes were kept, from a library of that time, with its hash unchanged', async () => {
    const old = { ...versionOneRecord(), workshopId: '0f5e0000-0000-4000-8000-00000000d1d1' }
    const stored = { ...old, contentHash: hashOf(old) }
    const workshop = {
      id: old.workshopId,
      title: old.title,
      template: 'core-values',
      status: 'finalized',
      createdAt: '2026-11-25T09:00:00.000Z',
      updatedAt: '2026-11-25T14:30:00.000Z',
      trashedAt: null,
      result: stored
    }
    await writeFile(join(tempDir(), 'library.json'), JSON.stringify({ schemaVersion: 3, workshops: [workshop], settings: {} }))
    const library = await LibraryService.open(tempDir())
    expect(library.notices).toEqual([])
    expect(library.finalized(old.workshopId)).toEqual(stored)
    // Upgraded to the current format, the record on disk is still the one that was hashed.
    const onDisk = JSON.parse(await readFile(join(tempDir(), 'library.json'), 'utf8'))
    expect(onDisk.schemaVersion).toBe(6)
    expect(onDisk.workshops[0].result).toEqual(stored)

    const exportsService = new ExportsService(library, join(tempDir(), 'exports'))
    const folder = join(tempDir(), 'old')
    const read = async (format: Parameters<ExportsService['write']>[1]) => (await exportsService.write(old.workshopId, format, folder)).path
    const NOT_KEPT = 'This record was finalized before Workshop Studio kept the brainstorm’s notes, so they are not in it.'
    expect(readMarkdown(await readFile(await read('markdown'), 'utf8')).section('What the team wrote').text.trim()).toBe(NOT_KEPT)
    expect(readHtml(await readFile(await read('html'), 'utf8')).teamNotes!.text).toContain(NOT_KEPT)
    const pdf = await pdfText(await read('pdf'))
    expect(pdf).toContain(stored.contentHash)
    expect(squash(pdf)).toContain(squash(NOT_KEPT))
    expect(titledTable(readCsvTables(await readFile(await read('csv'), 'utf8')), 'What the team wrote')).toEqual([[NOT_KEPT]])
    const json = readJson(await readFile(await read('json'), 'utf8'))
    expect(json.errors).toEqual([])
    expect(json.document.record).toEqual(old)
    expect(json.document.contentHash.value).toBe(hashOf(json.document.record))
  })

  it('writes every format a journey map and a program plan offer, and each reads back', async () => {
    const { library, exportsService, folder } = await setUp()
    const journey = await library.create({ template: 'journey-map', title: 'Joining us' })
    const plan = await library.create({ template: 'program-plan', title: 'Fix onboarding' })
    const journeyRecord = await library.finalize(journey.id, { ...smallJourneyRecord(), workshopId: journey.id })
    await library.finalize(plan.id, { ...supportPlanRecord(), workshopId: plan.id })
    const noteTexts = (journeyRecord as FinalizedJourney).notes.map((note) => note.text)

    const written = async (workshopId: string, template: 'journey-map' | 'program-plan') => {
      const paths: Record<string, string> = {}
      for (const format of formatsOf(template)) paths[format] = (await exportsService.write(workshopId, format, folder)).path
      return paths
    }
    const map = await written(journey.id, 'journey-map')
    expect(Object.values(map).map((path) => path.slice(folder.length + 1)).sort()).toEqual(
      ['csv', 'json', 'md', 'pdf', 'png', 'svg'].map((extension) => exportFileName(journeyRecord.title, 'journey-map', 'markdown').replace(/\.md$/, `.${extension}`))
    )
    const svg = readSvg(await readFile(map.svg!, 'utf8'))
    expect(svg.errors).toEqual([])
    expect(squash(svg.all('text').map(textOf).join(' '))).toContain(squash('Attract'))
    const png = readPng(await readFile(map.png!))
    expect(png.width).toBeGreaterThan(3000)
    expect(colourCounts(png).size).toBeGreaterThan(10)
    // A note that starts like a spreadsheet formula is kept as text with a leading apostrophe.
    const csvNotes = readCsv(await readFile(map.csv!, 'utf8')).map((row) => row.Note!.replace(/^'(?=[=+\-@])/, ''))
    expect(csvNotes).toEqual(noteTexts)
    expect(squash(await pdfText(map.pdf!))).toContain(squash(noteTexts[0]!))
    expect(readMarkdown(await readFile(map.markdown!, 'utf8')).headings.length).toBeGreaterThan(3)
    const json = readJson<JourneyJsonDocument>(await readFile(map.json!, 'utf8'), journeyJsonSchema())
    expect(json.errors).toEqual([])
    expect(json.document.contentHash.value).toBe(journeyRecord.contentHash)

    const planFiles = await written(plan.id, 'program-plan')
    expect(Object.keys(planFiles).sort()).toEqual(['json', 'markdown', 'pdf'])
    expect(await pdfText(planFiles.pdf!)).toContain(PLAN_TEXT.programName)
    await expect(exportsService.write(plan.id, 'png', folder)).rejects.toThrow('Image (PNG) is not one of the exports of a program plan.')
  })

  it('never replaces a file: a second export, or someone else’s file of that name, gets the next number', async () => {
    const { library, workshop, record, exportsService, folder } = await setUp()
    await library.finalize(workshop.id, record)
    await mkdir(folder, { recursive: true })
    await writeFile(join(folder, `${STEM}.md`), 'my own notes')

    expect(await exportsService.write(workshop.id, 'markdown', folder)).toEqual({ path: join(folder, `${STEM} (2).md`) })
    expect(await exportsService.write(workshop.id, 'markdown', folder)).toEqual({ path: join(folder, `${STEM} (3).md`) })
    expect(await readFile(join(folder, `${STEM}.md`), 'utf8')).toBe('my own notes')
    expect((await readdir(folder)).sort()).toEqual([`${STEM} (2).md`, `${STEM} (3).md`, `${STEM}.md`])
  })

  it('refuses a workshop that is not finalized, saying what to do', async () => {
    const { workshop, exportsService, folder } = await setUp()
    await expect(exportsService.write(workshop.id, 'pdf', folder)).rejects.toThrow(
      '“Values day” is not finalized yet, so there is nothing to export. Finalize the workshop first, then export it.'
    )
    await expect(readdir(folder)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('refuses a folder that is not a full path, or is a file', async () => {
    const { library, workshop, record, exportsService } = await setUp()
    await library.finalize(workshop.id, record)
    await expect(exportsService.write(workshop.id, 'csv', 'exports/here')).rejects.toThrow(
      `Give the folder as a full path, such as ${join(tempDir(), 'exports')}; “exports/here” is not one.`
    )
    const file = join(tempDir(), 'a-file.txt')
    await writeFile(file, 'not a folder')
    for (const folder of [file, join(file, 'below')]) {
      await expect(exportsService.write(workshop.id, 'csv', folder)).rejects.toThrow(
        `${folder} is a file, or lies inside one, not a folder. Choose a folder to export to.`
      )
    }
  })

  // Not run as root (CI runs as root): root writes into a 0o555 folder regardless of its
  // permissions, so the refusal cannot be provoked; the other folder checks above still run.
  it.skipIf(process.getuid?.() === 0)('refuses a folder it may not write in', async () => {
    const { library, workshop, record, exportsService } = await setUp()
    await library.finalize(workshop.id, record)
    const locked = join(tempDir(), 'locked')
    await mkdir(locked, { mode: 0o555 })
    await expect(exportsService.write(workshop.id, 'json', locked)).rejects.toThrow(
      `Workshop Studio may not write in ${locked} (EACCES). Choose a folder you can save files in.`
    )
  })

  it('offers the default folder it was given', async () => {
    const { exportsService } = await setUp()
    expect(exportsService.defaultFolder()).toBe(join(tempDir(), 'exports'))
  })
})
