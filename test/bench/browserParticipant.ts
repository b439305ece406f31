/**
 * One participant in Debian's Chromium, for the workshop benchmark (BENCH_BROWSER_PARTICIPANT):
 * the real participant page, served by the host, joined by its link as a person joins, so a
 * step's figures include what the simulated laptops leave out: React's render of the board
 * and Chromium's own WebRTC. Its screen is read as a person reads it: the column's count
 * ("300 notes"), which the board shows even when it mounts only the notes in view.
 *
 * Times are turned onto the benchmark's clock (process.hrtime, CLOCK_MONOTONIC) through the
 * wall clock, which the page and this process share: good to about a millisecond.
 * CPU is the page's renderer process (Chromium's SystemInfo.getProcessInfo), all its threads.
 */
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test'
import { JOIN_ROUTE_FRAGMENT } from '../../shared/liveSession'
import { launchChromium } from './browser'
import type { HostSession } from './liveHost'
import { now } from './liveHarness'

export interface BrowserParticipant {
  /** From now on, notes when the page's screen shows a column of `count` notes. */
  expectNotes(count: number): Promise<void>
  /** When the screen showed them (benchmark clock, ms); waits for it. */
  notesSeenAt(timeoutMs: number): Promise<number>
  /** CPU the browser's renderer processes have used so far, ms (all their threads; Chromium counts in 10 ms steps). */
  cpuMs(): Promise<number>
  /** Time the page's main thread has spent in tasks so far, ms (Chromium's TaskDuration). */
  mainThreadMs(): Promise<number>
  close(): Promise<void>
}

/** A page script: window.__notesSeen resolves with the wall-clock time a column first shows `count` notes. */
const watchForColumnOf = (count: number) => `window.__notesSeen = new Promise((resolve) => {
  const seen = () => [...document.querySelectorAll('.column__count')].some((element) => element.textContent === '${count} notes')
  const observer = new MutationObserver(() => {
    if (!seen()) return
    observer.disconnect()
    resolve(Date.now())
  })
  observer.observe(document.body, { subtree: true, childList: true, characterData: true })
})
// Not the promise: evaluate would wait for it.
true`

let browser: Browser | undefined

/** Opens the join link in a fresh Chromium context, gives a name and joins; resolves once the board is on screen. */
export async function joinInChromium(session: HostSession, name: string): Promise<BrowserParticipant> {
  browser ??= await launchChromium()
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1366, height: 768 } })
  const page: Page = await context.newPage()
  // Library mode waits forever by default; a benchmark step must fail instead.
  page.setDefaultTimeout(60_000)
  await page.goto(`${session.origin}/${JOIN_ROUTE_FRAGMENT}${session.code}/${session.hostKey}`)
  await page.getByRole('textbox', { name: 'Your name (optional)' }).fill(name)
  await page.getByRole('button', { name: 'Join the board' }).click()
  await page.getByRole('button', { name: 'Leave' }).waitFor()
  const cdp: CDPSession = await browser.newBrowserCDPSession()
  const pageCdp: CDPSession = await context.newCDPSession(page)
  await pageCdp.send('Performance.enable')
  const rendererCpuMs = async () => {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; cpuTime: number }> }
    // One page in this browser; Chromium keeps a spare renderer or two besides, which idle.
    return processInfo.filter((info) => info.type === 'renderer').reduce((sum, info) => sum + info.cpuTime * 1000, 0)
  }
  const mainThreadMs = async () => {
    const { metrics } = await pageCdp.send('Performance.getMetrics')
    return 1000 * (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN)
  }
  return {
    async expectNotes(count) {
      await page.evaluate(watchForColumnOf(count))
    },
    async notesSeenAt(timeoutMs) {
      const offset = Date.now() - now()
      const wall = (await page.evaluate(`Promise.race([
        window.__notesSeen,
        new Promise((_, reject) => setTimeout(() => reject(new Error('the browser participant never showed the notes')), ${timeoutMs}))
      ])`)) as number
      return wall - offset
    },
    cpuMs: rendererCpuMs,
    mainThreadMs,
    async close() {
      await pageCdp.detach().catch(() => undefined)
      await cdp.detach().catch(() => undefined)
      await context.close()
    }
  }
}

export async function closeChromium(): Promise<void> {
  await browser?.close()
  browser = undefined
}
