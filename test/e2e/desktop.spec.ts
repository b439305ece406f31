/**
 * The desktop window itself, driven through Playwright's Electron support. It can only run
 * where Electron's binary was installed (its download needs the internet) and a display
 * exists; everywhere else it reports why it did not run. The same flows run in host mode
 * in the other specs, against the same renderer and services.
 */
import { _electron as electron } from '@playwright/test'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { expect, test } from './fixtures'

const require = createRequire(import.meta.url)

function electronBinary(): string | null {
  try {
    const path = require('electron') as unknown
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

const binary = electronBinary()
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
const whyNot = !binary
  ? "Electron's binary is not installed on this machine (its download needs the internet); host-mode specs cover the same flows"
  : noDisplay
    ? 'there is no display (run under xvfb-run to include this spec)'
    : null

test.describe('desktop window', () => {
  test.skip(whyNot !== null, `Not run: ${whyNot}.`)

  test('opens hardened, creates a workshop and adds a note', async ({ dataDir }) => {
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [join(import.meta.dirname, '../..'), '--data-dir', dataDir]
    })
    try {
      const window = await app.firstWindow()
      expect(new URL(window.url()).protocol).toBe('app:')
      // What a page could reach if isolation or the sandbox were off: none of it is there.
      const exposed = await window.evaluate(() => {
        const page = globalThis as { require?: unknown; process?: unknown; app?: Record<string, unknown> }
        return { require: typeof page.require, process: typeof page.process, api: Object.keys(page.app ?? {}).sort() }
      })
      expect(exposed).toEqual({ require: 'undefined', process: 'undefined', api: ['app', 'docs', 'library', 'on'] })

      await window.getByRole('button', { name: 'New workshop' }).click()
      await window.getByRole('dialog', { name: 'New workshop' }).getByRole('button', { name: 'Create' }).click()
      const input = window.getByRole('textbox', { name: 'New note in Ideas' })
      await input.fill('Respect every caller')
      await input.press('Enter')
      await expect(window.getByRole('region', { name: 'Ideas' }).getByRole('listitem')).toHaveText(/Respect every caller/)
    } finally {
      await app.close()
    }
  })
})
