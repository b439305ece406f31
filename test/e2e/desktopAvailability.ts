/** Whether the desktop window can be driven here, and if not, why, in words for the CI log. */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export function electronBinary(): string | null {
  try {
    const path = require('electron') as unknown
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

export function whyNoDesktopWindow(): string | null {
  if (!electronBinary()) {
    return "Electron's binary is not installed on this machine (its download needs the internet); the host-mode specs cover the same flows"
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'there is no display (run under xvfb-run to include it)'
  }
  return null
}
