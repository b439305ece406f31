/**
 * Host mode, start to first screen: from spawning the process to the library heading
 * being visible in Chromium. Target: median under 1 s.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHostApp } from '../e2e/hostProcess'
import { launchChromium } from './browser'
import { report } from './stats'

const RUNS = 9
const browser = await launchChromium()
const samples: number[] = []
for (let run = 0; run < RUNS; run++) {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-host-start-'))
  const page = await browser.newPage()
  const started = performance.now()
  const app = await startHostApp(dataDir)
  await page.goto(app.url)
  await page.getByRole('heading', { name: 'Workshops', level: 1 }).waitFor()
  samples.push(performance.now() - started)
  await page.close()
  await app.stop()
  await rm(dataDir, { recursive: true, force: true })
}
await browser.close()
report('Host mode start to first screen', samples, 'ms', '< 1000 ms')
