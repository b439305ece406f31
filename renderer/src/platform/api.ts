/**
 * The renderer's one way to reach the main side. In the desktop app the preload has put
 * `window.app` in place (IPC); in host mode the same contract is spoken over HTTP to the
 * loopback server that served this page.
 */
import {
  createApi,
  EVENTS_ROUTE,
  INVOKE_ROUTE,
  type AppApi,
  type EventMessage,
  type Reply,
  type Transport
} from '../../../shared/contract'
import { fromWire, toWire } from '../../../shared/wire'

declare global {
  interface Window {
    app?: AppApi
  }
}

const httpTransport: Transport = {
  async invoke(namespace, name, args) {
    let response: Response
    try {
      response = await fetch(INVOKE_ROUTE, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: toWire({ namespace, name, args })
      })
    } catch {
      return { ok: false, error: 'The app is not responding. Is it still running? Your board is kept on this screen.' }
    }
    if (response.status === 401) {
      return { ok: false, error: 'This page is no longer signed in to the app. Open the address the app printed when it started.' }
    }
    return fromWire(await response.text()) as Reply
  },
  subscribe(listener) {
    const source = new EventSource(EVENTS_ROUTE)
    source.onmessage = (message: MessageEvent<string>) => listener(fromWire(message.data) as EventMessage)
    return () => source.close()
  }
}

export const api: AppApi = window.app ?? createApi(httpTransport)

/**
 * Whether this page can reach the facilitator's side at all: through the desktop app's
 * bridge, or in host mode, which serves the facilitator on loopback only. A page from any
 * other address came from a live session's server, which answers no call of the contract.
 */
export const facilitatorReachable = window.app !== undefined || ['127.0.0.1', 'localhost'].includes(window.location.hostname)
