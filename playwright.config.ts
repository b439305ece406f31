import { defineConfig } from '@playwright/test'

/** Debian's Chromium: Playwright cannot download its own browsers on our machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Flags for Chromium on our machines: no sandbox as root, no GPU, no calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run'
]

const PHONE_SPEC = /phone\.spec\.ts$/

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/globalSetup.ts',
  outputDir: 'test-results/artifacts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1366, height: 860 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS
    },
    trace: 'retain-on-failure'
  },
  projects: [
    // Every spec once, as on the facilitator's laptop; phone.spec.ts runs in the projects below.
    { name: 'laptop', testIgnore: PHONE_SPEC },
    // A participant's face at the sizes people bring: two phones, and a small laptop.
    {
      name: 'participant-375x667',
      testMatch: PHONE_SPEC,
      use: { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true }
    },
    {
      name: 'participant-390x844',
      testMatch: PHONE_SPEC,
      use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }
    },
    { name: 'participant-1366x768', testMatch: PHONE_SPEC, use: { viewport: { width: 1366, height: 768 } } }
  ]
})
