import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, runHostAppExpectingExit, saveScreenshot, startHostApp, test } from './fixtures'

test('host mode serves only to holders of the printed key', async ({ page, hostApp }, testInfo) => {
  const { origin } = new URL(hostApp.url)
  const withoutKey = await page.goto(origin)
  expect(withoutKey?.status()).toBe(401)
  await expect(page.getByRole('heading', { name: 'Open the address the app printed' })).toBeVisible()
  await saveScreenshot(page, testInfo, 'host-mode-no-key')

  const wrongKey = await page.goto(`${origin}/?token=not-the-key`)
  expect(wrongKey?.status()).toBe(401)

  const api = await page.request.post(`${origin}/api/invoke`, { data: { namespace: 'library', name: 'list', args: [] } })
  expect(api.status()).toBe(401)

  await page.goto(hostApp.url)
  await expect(page.getByRole('heading', { name: 'Workshops', level: 1 })).toBeVisible()
  // The key is not left in the address bar for someone to copy over a shoulder.
  expect(new URL(page.url()).search).toBe('')
})

test('host mode listens on the loopback interface only', async ({ hostApp }) => {
  expect(new URL(hostApp.url).hostname).toBe('127.0.0.1')
})

test('a second copy on the same data folder is refused with a clear message', async ({ hostApp, dataDir }) => {
  expect(hostApp.url).toBeTruthy()
  const second = await runHostAppExpectingExit(dataDir)
  expect(second.code).toBe(1)
  expect(second.output).toContain('Another copy of Workshop Studio is already using the data folder')
})

test('a damaged workshop list is set aside, and the user is told in plain words', async ({ page, dataDir }, testInfo) => {
  const first = await startHostApp(dataDir)
  await page.goto(first.url)
  await page.getByRole('button', { name: 'New workshop' }).click()
  await page.getByRole('dialog', { name: 'New workshop' }).getByRole('textbox', { name: 'Title' }).fill('Kept safe')
  await page.getByRole('dialog', { name: 'New workshop' }).getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { name: 'Kept safe', level: 1 })).toBeVisible()
  await page.getByRole('button', { name: 'Back to workshops' }).click()
  await expect(page.getByRole('button', { name: 'Open Kept safe' })).toBeVisible()
  await first.stop()

  await writeFile(join(dataDir, 'library.json'), '{"schemaVersion": 1, "workshops": [ {"id": tru')
  const second = await startHostApp(dataDir)
  try {
    await page.goto(second.url)
    await expect(page.getByRole('alert')).toContainText('damaged')
    await saveScreenshot(page, testInfo, 'library-recovered-notice')
  } finally {
    await second.stop()
  }
})
