import type { Page } from '@playwright/test'
import { createWorkshop } from './boardPage'
import { expect, saveScreenshot, startHostApp, test } from './fixtures'

async function createAndLeave(page: Page, template: RegExp, title: string): Promise<void> {
  await createWorkshop(page, { template, title })
  await page.getByRole('button', { name: 'Back to workshops' }).click()
  await expect(page.getByRole('heading', { name: 'Workshops', level: 1 })).toBeVisible()
}

function workshopItem(page: Page, title: string) {
  return page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('button', { name: `Open ${title}`, exact: true }) })
}

test('the library creates, renames, duplicates, searches, trashes and restores workshops', async ({ page, hostApp, dataDir }, testInfo) => {
  await page.goto(hostApp.url)
  await createAndLeave(page, /Core values/, 'Values for the support team')
  await createAndLeave(page, /Employee journey map/, 'Onboarding journey')

  await expect(workshopItem(page, 'Onboarding journey')).toContainText('Employee journey map')
  await expect(workshopItem(page, 'Values for the support team')).toContainText('Core values')

  // Rename inline.
  await workshopItem(page, 'Values for the support team').getByRole('button', { name: 'Rename' }).click()
  const newTitle = page.getByRole('textbox', { name: 'New title' })
  await newTitle.fill('Values for customer care')
  await newTitle.press('Enter')
  await expect(workshopItem(page, 'Values for customer care')).toBeVisible()

  // Duplicate.
  await workshopItem(page, 'Onboarding journey').getByRole('button', { name: 'Duplicate' }).click()
  await expect(workshopItem(page, 'Onboarding journey (copy)')).toBeVisible()

  // Search by title.
  const search = page.getByRole('searchbox', { name: 'Search workshops' })
  await search.fill('onboarding')
  await expect(workshopItem(page, 'Onboarding journey')).toBeVisible()
  await expect(workshopItem(page, 'Onboarding journey (copy)')).toBeVisible()
  await expect(workshopItem(page, 'Values for customer care')).toHaveCount(0)
  await search.fill('zzz')
  await expect(page.getByText('No workshops match “zzz”.')).toBeVisible()
  await search.fill('')
  await saveScreenshot(page, testInfo, 'library')

  // Trash, then restore.
  await workshopItem(page, 'Onboarding journey (copy)').getByRole('button', { name: 'Move to trash' }).click()
  await expect(workshopItem(page, 'Onboarding journey (copy)')).toHaveCount(0)
  await page.getByRole('button', { name: 'Trash (1)' }).click()
  await saveScreenshot(page, testInfo, 'library-trash')
  await workshopItem(page, 'Onboarding journey (copy)').getByRole('button', { name: 'Restore' }).click()
  await expect(page.getByRole('button', { name: 'Trash (0)' })).toBeVisible()

  // Everything survives a restart.
  expect(await hostApp.stop()).toBe(0)
  const again = await startHostApp(dataDir)
  try {
    await page.goto(again.url)
    for (const title of ['Values for customer care', 'Onboarding journey', 'Onboarding journey (copy)']) {
      await expect(workshopItem(page, title)).toBeVisible()
    }
  } finally {
    await again.stop()
  }
})

test('deleting forever asks first, and only from the trash', async ({ page, hostApp }) => {
  await page.goto(hostApp.url)
  await createAndLeave(page, /Core values/, 'Short-lived workshop')
  await workshopItem(page, 'Short-lived workshop').getByRole('button', { name: 'Move to trash' }).click()
  await page.getByRole('button', { name: 'Trash (1)' }).click()
  await workshopItem(page, 'Short-lived workshop').getByRole('button', { name: 'Delete forever' }).click()
  const confirm = page.getByRole('dialog')
  await expect(confirm).toContainText('Short-lived workshop')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(workshopItem(page, 'Short-lived workshop')).toBeVisible()
  await workshopItem(page, 'Short-lived workshop').getByRole('button', { name: 'Delete forever' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Delete forever' }).click()
  await expect(workshopItem(page, 'Short-lived workshop')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Trash (0)' })).toBeVisible()
})
