/**
 * Shared fixture for end-to-end specs: the real app in host mode (the built
 * out/main/host.js under plain Node), a fresh data folder per test, and helpers to
 * restart the process and keep screenshots of what a user sees.
 */
import { test as base, expect, type Page, type TestInfo } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, mkdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const HOST_ENTRY = join(import.meta.dirname, '../../out/main/host.js')
export const SCREENSHOT_DIR = join(import.meta.dirname, '../../test-results/screens')

export interface HostApp {
  /** The address with the token, as printed for the user. */
  url: string
  output(): string
  /** Stops the process the way Ctrl+C does; resolves with its exit code. */
  stop(): Promise<number | null>
}

export async function startHostApp(dataDir: string, extraArgs: string[] = []): Promise<HostApp> {
  const child: ChildProcess = spawn(process.execPath, [HOST_ENTRY, '--data-dir', dataDir, '--port', '0', '--no-open', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host mode did not start:\n${output}`)), 15_000)
    const check = () => {
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[0])
      }
    }
    child.stdout?.on('data', check)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`host mode exited with ${code}:\n${output}`))
    })
  })

  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      return exited
    }
  }
}

/** Runs host mode to completion and returns its exit code and output (for refusals). */
export async function runHostAppExpectingExit(dataDir: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [HOST_ENTRY, '--data-dir', dataDir, '--port', '0', '--no-open'], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { code, output }
}

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
  hostApp: async ({ dataDir }, use) => {
    const app = await startHostApp(dataDir)
    await use(app)
    await app.stop()
  }
})

export { expect }
