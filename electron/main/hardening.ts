/**
 * Electron's security checklist for everything that is not the window's own settings:
 * no navigation away from the app, no new windows, no webviews, no permissions.
 */
import { app, session, shell, type WebFrameMain } from 'electron'
import { APP_ORIGIN } from './appProtocol'

export function isTrustedSender(frame: WebFrameMain | null): boolean {
  if (!frame) return false
  try {
    return new URL(frame.url).origin === APP_ORIGIN
  } catch {
    return false
  }
}

export function applyHardening(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (new URL(url).origin !== APP_ORIGIN) event.preventDefault()
    })
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      // Links to the web open in the user's browser, never inside the app.
      if (url.startsWith('https://')) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })
}
