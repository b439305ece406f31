import type { Page } from '@playwright/test'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { exportFileName } from '../../shared/exports/fileName'
import { EXPORT_FORMAT_INFO, formatsOf, type ExportFormat } from '../../shared/exports/formats'
import type { ValuesRecord } from '../../shared/valuesRecord'
import { hashOf, twelveValueRecord } from '../exports/valuesFixtures'
import { keyedRows, pdfInfo, pdfText, readCsvTables, readHtml, readJson, readMarkdown, squash, titledTable } from '../exports/readBack'
import { invoke, seedFinalized } from './contractCalls'
import { expect, saveScreenshot, test } from './fixtures'

const TITLE = 'Support team values'

/** A core-values workshop finalized through the contract, as the finalize stage does it. */
async function seedFinalizedValues(page: Page): Promise<ValuesRecord> {
  const record = twelveValueRecord()
  const workshopId = await seedFinalized(page, 'core-values', TITLE, record)
  return { ...record, workshopId }
}

function workshopItem(page: Page, title: string) {
  return page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('button', { name: `Open ${title}`, exact: true }) })
}

async function openExport(page: Page) {
  await workshopItem(page, TITLE).getByRole('button', { name: 'Export' }).click()
  return page.getByRole('dialog', { name: `Export “${TITLE}”` })
}

test('the leader exports a finalized workshop to every format, and each file reads back', async ({ page, hostApp, dataDir }, testInfo) => {
  await page.goto(hostApp.url)
  const record = await seedFinalizedValues(page)
  await expect(workshopItem(page, TITLE)).toContainText('Finalized')
  await saveScreenshot(page, testInfo, 'export-library-finalized')

  const dialog = await openExport(page)
  const folderField = dialog.getByRole('textbox', { name: 'Folder' })
  // Host mode has no folder picker: the path is typed, starting from the default folder.
  await expect(folderField).toHaveValue(join(dataDir, 'exports'))
  await expect(dialog.getByRole('button', { name: 'Choose folder…' })).toHaveCount(0)
  await saveScreenshot(page, testInfo, 'export-dialog')

  const folder = join(dataDir, 'exports for the board')
  await folderField.fill(folder)
  const paths = {} as Record<ExportFormat, string>
  for (const format of formatsOf('core-values')) {
    const { label } = EXPORT_FORMAT_INFO[format]
    paths[format] = join(folder, exportFileName(record.title, 'core-values', format))
    // The result shows beside the button pressed, where the eye already is.
    const row = dialog.getByRole('listitem').filter({ has: page.getByRole('button', { name: label, exact: true }) })
    await row.getByRole('button', { name: label, exact: true }).click()
    await expect(row.getByRole('status')).toContainText(`${label} saved as ${paths[format]}`)
    await expect(row.getByRole('status')).toBeInViewport()
  }
  await saveScreenshot(page, testInfo, 'export-dialog-saved')

  const agreed = record.values
  // What the team wrote: each cluster with its notes, then the notes never sorted.
  const groups = [...record.clusters, { title: 'Unsorted ideas', notes: record.unsortedNotes }]
  const markdown = readMarkdown(await readFile(paths.markdown, 'utf8'))
  expect(markdown.sections.map((section) => section.heading)).toEqual([...agreed.map((value) => value.name), 'Decision record', 'What the team wrote'])
  expect(markdown.section('What the team wrote').groups).toEqual(groups)
  expect(markdown.rawHtml).toEqual([])
  agreed.forEach((value, index) => {
    expect(markdown.sections[index]!.items).toEqual(expect.arrayContaining([...value.weDo, ...value.weDont]))
    expect(squash(markdown.sections[index]!.text)).toContain(squash(value.definition))
  })

  const html = readHtml(await readFile(paths.html, 'utf8'))
  expect(html.values.map(({ name, definition, weDo, weDont, examples }) => ({ name, definition, weDo, weDont, examples }))).toEqual(
    agreed.map(({ name, definition, weDo, weDont, examples }) => ({ name, definition, weDo, weDont, examples }))
  )
  expect(html.tags).not.toContain('script')
  expect(html.teamNotes!.groups).toEqual(groups)

  const pdf = squash(await pdfText(paths.pdf))
  for (const value of agreed) {
    for (const text of [value.name, value.definition, ...value.weDo, ...value.weDont, ...value.examples]) expect(pdf).toContain(squash(text))
  }
  const pdfAppendix = pdf.split('Whattheteamwrote')[1]!.replace(/•/g, '')
  for (const { title, notes } of groups) expect(pdfAppendix).toContain(squash([title, ...notes].join('')))

  const csvTables = readCsvTables(await readFile(paths.csv, 'utf8'))
  const rows = keyedRows(csvTables[0]!)
  expect(rows.filter((row) => row.Row === 'Definition').map((row) => [row.Value, row.Text])).toEqual(
    agreed.map((value) => [value.name, value.definition])
  )
  expect(rows.filter((row) => row.Row === 'We do')).toHaveLength(agreed.reduce((sum, value) => sum + value.weDo.length, 0))
  const noteRows = keyedRows(titledTable(csvTables, 'What the team wrote')).map((row) => [row.Cluster, row.Note!.replace(/^'(?=[=+\-@])/, '')])
  expect(noteRows).toEqual(groups.flatMap(({ title, notes }) => (notes.length > 0 ? notes.map((note) => [title, note]) : [[title, '']])))

  const json = readJson(await readFile(paths.json, 'utf8'))
  expect(json.errors).toEqual([])
  expect(json.document.record).toEqual(record)
  expect(json.document.contentHash.value).toBe(hashOf(json.document.record))

  // The web page prints on A4 with no value split across two pages.
  const printed = await page.context().newPage()
  await printed.goto(pathToFileURL(paths.html).href)
  await saveScreenshot(printed, testInfo, 'export-html-page')
  const printPath = join(dataDir, 'printed.pdf')
  await writeFile(printPath, await printed.pdf({ preferCSSPageSize: true }))
  const info = await pdfInfo(printPath)
  expect(info.pageSize).toMatch(/\(A4\)/)
  const pages = (await pdfText(printPath)).split('\f').slice(0, info.pages).map(squash)
  for (const value of agreed) {
    const first = pages.findIndex((text) => text.includes(squash(value.name)))
    expect(pages[first], value.name).toContain(squash(value.weDont.at(-1)!))
  }
  // What the team wrote follows the decision record, all of it, and leaves no page before the last nearly empty.
  const recordPage = pages.findIndex((text) => text.startsWith('Decisionrecord'))
  const appendixPage = pages.findIndex((text) => text.includes('Whattheteamwrote'))
  expect([recordPage, recordPage + 1]).toContain(appendixPage)
  expect(pages.slice(appendixPage).join('')).toContain(squash(groups.at(-1)!.notes.at(-1)!))
  for (const [index, text] of pages.slice(0, -1).entries()) expect(text.length, `printed page ${index + 1}`).toBeGreaterThan(300)
  await printed.close()

  // A second export of the same format never replaces the first.
  await dialog.getByRole('button', { name: 'PDF', exact: true }).click()
  await expect(dialog.getByRole('status').filter({ hasText: 'PDF saved as' })).toContainText(
    `PDF saved as ${join(folder, exportFileName(record.title, 'core-values', 'pdf', 2))}`
  )
})

test('the export says clearly what is wrong with a folder, and keeps the dialog open to fix it', async ({ page, hostApp, dataDir }, testInfo) => {
  await page.goto(hostApp.url)
  await seedFinalizedValues(page)
  const dialog = await openExport(page)
  const folderField = dialog.getByRole('textbox', { name: 'Folder' })

  await folderField.fill('exports')
  await dialog.getByRole('button', { name: 'Markdown', exact: true }).click()
  await expect(dialog.getByRole('alert')).toHaveText(
    `Give the folder as a full path, such as ${join(dataDir, 'exports')}; “exports” is not one.`
  )
  await saveScreenshot(page, testInfo, 'export-dialog-problem')

  const file = join(dataDir, 'library.json')
  await folderField.fill(file)
  await dialog.getByRole('button', { name: 'Markdown', exact: true }).click()
  await expect(dialog.getByRole('alert')).toHaveText(`${file} is a file, or lies inside one, not a folder. Choose a folder to export to.`)

  await folderField.fill(join(dataDir, 'fixed'))
  await dialog.getByRole('button', { name: 'Markdown', exact: true }).click()
  await expect(dialog.getByRole('alert')).toHaveCount(0)
  await expect(dialog.getByRole('status')).toContainText(`Markdown saved as ${join(dataDir, 'fixed')}`)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toHaveCount(0)
})

test('a workshop that is not finalized offers no export', async ({ page, hostApp }) => {
  await page.goto(hostApp.url)
  await invoke(page, 'library', 'create', [{ template: 'core-values', title: 'Still a draft' }])
  await expect(workshopItem(page, 'Still a draft')).toBeVisible()
  await expect(workshopItem(page, 'Still a draft').getByRole('button', { name: 'Export' })).toHaveCount(0)
})
