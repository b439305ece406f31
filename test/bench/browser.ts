/** Debian's Chromium for benchmarks, launched as the end-to-end tests launch it. */
import { chromium, type Browser } from '@playwright/test'
import { CHROMIUM_PATH } from '../../playwright.config'

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run'
    ]
  })
}
