import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXPORT_FORMATS } from '../../../../shared/exports/formats'
import { ExportsService } from '../../../../electron/services/exports.service'
import { LibraryService } from '../../../../electron/services/library.service'
import { twelveValueRecord } from '../../../exports/valuesFixtures'
import { pdfText, readCsv, readHtml, readJson, readMarkdown } from '../../../exports/readBack'
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
    for (const format of EXPORT_FORMATS) paths.push((await exportsService.write(workshop.id, format, folder)).path)

    expect(paths).toEqual(['.md', '.html', '.pdf', '.csv', '.json'].map((extension) => join(folder, `${STEM}${extension}`)))
    expect((await readdir(folder)).sort()).toEqual(paths.map((path) => path.slice(folder.length + 1)).sort())
    const text = (index: number) => readFile(paths[index]!, 'utf8')
    expect(readMarkdown(await text(0)).sections[0]!.heading).toBe('Integrity')
    expect(readHtml(await text(1)).values).toHaveLength(12)
    expect(await pdfText(paths[2]!)).toContain('Customer Obsessed')
    expect(readCsv(await text(3))[0]).toMatchObject({ Value: 'Integrity', Row: 'Definition' })
    const json = readJson(await text(4))
    expect(json.errors).toEqual([])
    expect(json.document.contentHash.value).toBe(library.finalized(workshop.id)!.contentHash)
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
      '“Values day” is not finalized yet, so it has no values to export. Finalize the workshop first, then export it.'
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
