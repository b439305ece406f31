/**
 * Shared fixture for end-to-end specs: the real app in host mode (the built
 * out/main/host.js under plain Node), a fresh data folder per test, and helpers to
 * restart the process and keep screenshots of what a user sees.
 */
import { test as base, expect, type Page, type TestInfo } from '@playwright/test'
import { mkdtemp, mkdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHostApp, type HostApp } from './hostProcess'

export const SCREENSHOT_DIR = join(import.meta.dirname, '../../test-results/screens')

/** Saves a full-page screenshot under test-results/screens and attaches it to the report. */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

export const test = base.extend<{ dataDir: string; hostApp: HostApp }>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'workshop-studio-e2e-'))
    await use(dir)
    await rm(dir, { recursive: true, force: true })
  },
  hostApp: async ({ dataDir }, use, testInfo) => {
    const app = await startHostApp(dataDir)
    await use(app)
    await app.stop()
    // What the host said (links it closed, and why) is the first thing to read when a test fails.
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('host-output', { body: app.output(), contentType: 'text/plain' })
  }
})

export { expect }
export { runHostAppExpectingExit, startHostApp } from './hostProcess'
