import { whyNoDesktopWindow } from './desktopAvailability'

/** The list reporter does not print skip reasons: say it once where people read the CI log. */
export default function globalSetup(): void {
  const why = whyNoDesktopWindow()
  if (why) console.log(`Note: the desktop-window spec (desktop.spec.ts) will not run: ${why}.`)
}
