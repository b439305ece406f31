/**
 * Electron's security checklist for everything that is not the window's own settings:
 * no navigation away from the app, no new windows, no webviews, no permissions.
 */
import { app, session, shell, type WebFrameMain } from 'electron'
import { JOIN_ROUTE_FRAGMENT } from '../../shared/liveSession'
import { APP_ORIGIN } from './appProtocol'

export function isTrustedSender(frame: WebFrameMain | null): boolean {
  if (!frame) return false
  try {
    return new URL(frame.url).origin === APP_ORIGIN
  } catch {
    return false
  }
}

function isJoinLink(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' && parsed.hash.startsWith(JOIN_ROUTE_FRAGMENT)
  } catch {
    return false
  }
}

export function applyHardening(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      // A page may move within its own origin (a participant window stays on its session).
      if (new URL(url).origin !== new URL(contents.getURL() || APP_ORIGIN).origin) event.preventDefault()
    })
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      // "Join a session" opens a live session's participant page (served by another
      // facilitator's app on the LAN) in a window of its own: no preload, so no app API.
      if (isJoinLink(url)) {
        return {
          action: 'allow',
          overrideBrowserWindowOptions: {
            width: 1200,
            height: 800,
            webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, preload: undefined }
          }
        }
      }
      // Other links to the web open in the user's browser, never inside the app.
      if (url.startsWith('https://')) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })
}
