/**
 * The `app://` protocol the window loads from, instead of `file://`: only files of the
 * built renderer are reachable, every response carries the CSP.
 */
import { protocol } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy'
import { readStaticFile } from '../host/staticFiles'

export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://renderer`

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file = url.host === 'renderer' ? await readStaticFile(rendererDir, url.pathname) : null
    if (!file) return new Response('Not found', { status: 404 })
    return new Response(new Uint8Array(file.body), {
      headers: {
        'content-type': file.contentType,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff'
      }
    })
  })
}
