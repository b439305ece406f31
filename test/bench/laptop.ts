/**
 * What makes a benchmark peer process one "laptop" in the room: every WebSocket and HTTP
 * request it makes leaves from its own loopback address (so the session's per-address
 * limits apply per laptop), and WebRTC comes from @roamhq/wrtc through the same globals a
 * browser has. Shared by livePeer.ts and workshopPeer.ts.
 */
import { get } from 'node:http'
import { createRequire } from 'node:module'
import { WebSocket as NodeWebSocket } from 'ws'
import type * as Y from 'yjs'
import type { JoinAnswer } from '../../shared/liveSession'

export interface Person {
  name: string
  role: 'facilitator' | 'participant'
  colour: string
}

/** The app's joinLiveDoc, typed by what each peer script uses of the connection it returns. */
type JoinLiveDoc<Connection> = (
  doc: Y.Doc,
  options: Person & { room: string; signalingUrl: string },
  page: { addEventListener(): void; removeEventListener(): void; navigator: { onLine: boolean } }
) => Connection

/** process.hrtime in ms: CLOCK_MONOTONIC, the one clock every process on the machine shares. */
export const now = (): number => Number(process.hrtime.bigint()) / 1e6

/** Reads the peer's settings from its environment, naming the script when one is missing. */
export const envOf =
  (script: string) =>
  (name: string): string => {
    const value = process.env[name]
    if (value === undefined) throw new Error(`${script}: ${name} is not set`)
    return value
  }

export interface Laptop {
  /** The WebSocket class this laptop's sockets use (also installed as the global). */
  WebSocket: new (url: string | URL, protocols?: string | string[]) => NodeWebSocket
  getJson(url: string): Promise<unknown>
  /**
   * Joins a live session as a participant's browser does: trades the code for a ticket, then
   * puts `doc` in the room through the app's joinLiveDoc (a page that is always online).
   */
  joinSession<Connection>(origin: string, code: string, doc: Y.Doc, person: Person): Promise<Connection>
}

/** Loaded once per process, on the first join. */
let joinLiveDoc: Promise<unknown> | undefined

async function loadJoinLiveDoc(): Promise<unknown> {
  // What a browser has as globals; simple-peer finds them there (joinLiveDoc passes no wrtc).
  const wrtc = createRequire(import.meta.url)('@roamhq/wrtc') as Record<string, unknown>
  for (const key of ['RTCPeerConnection', 'RTCSessionDescription', 'RTCIceCandidate']) {
    Object.defineProperty(globalThis, key, { value: wrtc[key], configurable: true, writable: true })
  }
  // Loaded by URL: its default argument names the browser's `window`, which Node's type
  // check (tsconfig.node.json) does not know, so that check must not follow this import.
  const liveSync = new URL('../../renderer/src/crdt/liveSync.ts', import.meta.url).href
  return ((await import(liveSync)) as { joinLiveDoc: unknown }).joinLiveDoc
}

export function becomeLaptop(localAddress: string): Laptop {
  class LaptopWebSocket extends NodeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { localAddress })
    }
  }
  Object.defineProperty(globalThis, 'WebSocket', { value: LaptopWebSocket, configurable: true, writable: true })

  return {
    WebSocket: LaptopWebSocket,
    getJson: (url) =>
      new Promise((resolve, reject) => {
        get(url, { localAddress }, (response) => {
          let body = ''
          response.setEncoding('utf8')
          response.on('data', (chunk: string) => (body += chunk))
          response.on('end', () => {
            try {
              resolve(JSON.parse(body))
            } catch (error) {
              reject(error)
            }
          })
        }).on('error', reject)
      }),
    async joinSession<Connection>(origin: string, code: string, doc: Y.Doc, person: Person) {
      joinLiveDoc ??= loadJoinLiveDoc()
      const join = (await joinLiveDoc) as JoinLiveDoc<Connection>
      const answer = (await this.getJson(`${origin}/join/check?code=${encodeURIComponent(code)}`)) as JoinAnswer
      if (!answer.ok) throw new Error(`join refused: ${answer.error}`)
      const signalingUrl = `${origin.replace('http:', 'ws:')}/signal?ticket=${encodeURIComponent(answer.ticket)}`
      const page = { addEventListener() {}, removeEventListener() {}, navigator: { onLine: true } }
      return join(doc, { ...person, room: answer.room, signalingUrl }, page)
    }
  }
}
