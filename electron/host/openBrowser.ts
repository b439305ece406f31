/** Opens the system browser at a URL where there is one; says so plainly where there is not. */
import { spawn } from 'node:child_process'

function browserCommand(url: string): [string, string[]] | null {
  switch (process.platform) {
    case 'darwin':
      return ['open', [url]]
    case 'win32':
      // The empty title argument keeps `start` from taking the URL as a window title.
      return ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
    default:
      // Without a display there is no browser to show.
      return process.env.DISPLAY || process.env.WAYLAND_DISPLAY ? ['xdg-open', [url]] : null
  }
}

export function openBrowser(url: string): boolean {
  const command = browserCommand(url)
  if (!command) return false
  try {
    const child = spawn(command[0], command[1], { stdio: 'ignore', detached: true })
    child.on('error', () => undefined)
    child.unref()
    return true
  } catch {
    return false
  }
}
