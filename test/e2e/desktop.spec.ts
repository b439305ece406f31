/**
 * The desktop window itself, driven through Playwright's Electron support. It can only run
 * where Electron's binary was installed (its download needs the internet) and a display
 * exists; everywhere else it reports why it did not run. The same flows run in host mode
 * in the other specs, against the same renderer and services.
 */
import { _electron as electron } from '@playwright/test'
import { join } from 'node:path'
import { methods } from '../../shared/contract'
import { addNote, createWorkshop } from './boardPage'
import { electronBinary, whyNoDesktopWindow } from './desktopAvailability'
import { expect, test } from './fixtures'

const binary = electronBinary()
const whyNot = whyNoDesktopWindow()

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
      // Exactly the contract's namespaces and the event subscription: nothing else crossed the bridge.
      expect(exposed).toEqual({ require: 'undefined', process: 'undefined', api: [...Object.keys(methods), 'on'].sort() })

      await createWorkshop(window, { template: /Employee journey map/ })
      await addNote(window, 'Attract, Touchpoints', 'Respect every caller')
    } finally {
      await app.close()
    }
  })
})
