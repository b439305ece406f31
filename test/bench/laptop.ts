/**
 * What makes a benchmark peer process one "laptop" in the room: every WebSocket and HTTP
 * request it makes leaves from its own loopback address (so the session's per-address
 * limits apply per laptop), and its WebRTC is @roamhq/wrtc, handed to the app's hub provider
 * as the browser's would be used. Shared by livePeer.ts and workshopPeer.ts.
 *
 * A participant's laptop links to the host's hub by WebRTC (as a browser does first) or, with
 * `link: 'websocket'`, by the sealed WebSocket alone (`preferWebSocket`: what a browser ends up
 * on where WebRTC cannot open, without the 4 s wait for it). The facilitator's laptop is the
 * host itself: its window joins over loopback with the facilitator's ticket, by the WebSocket.
 */
import type { BoardChanges } from '../../shared/boardPatch'
import { get } from 'node:http'
import { createRequire } from 'node:module'
import { WebSocket as NodeWebSocket } from 'ws'
import type * as Y from 'yjs'
import type { JoinAnswer } from '../../shared/liveSession'
import type { Submission } from '../../shared/roundSubmissions'

export interface Person {
  name: string
  role: 'facilitator' | 'participant'
  colour: string
}

export type LinkKind = 'webrtc' | 'websocket'

/** Where the session's hub is, and the facilitator's own way in (FacilitatorSession). */
export interface FacilitatorAccess {
  /** http://127.0.0.1:port: the facilitator's window reaches its host over loopback. */
  origin: string
  room: string
  ticket: string
  hostKey: string
}

/** The connection snapshot of renderer/src/crdt/liveSync.ts. */
export interface LinkSnapshot {
  online: boolean
  via: LinkKind | null
  trying: LinkKind | null
  synced: boolean
  everConnected: boolean
  refusal: string | null
  ended: boolean
}

/** What the peer scripts use of the LiveDocConnection joinLiveDoc returns. */
export interface LiveDocConnection {
  people: { getSnapshot(): readonly unknown[] }
  connection: { getSnapshot(): LinkSnapshot }
  share(activity: Record<string, unknown>): void
  submit(submission: Submission): void
  patchBoard(changes: BoardChanges): number
  onPatchWritten(listener: (seq: number) => void): () => void
  hostNow(): number
  destroy(): void
}

interface HubAddress {
  origin: string
  room: string
  ticket: string
  hostKey: string
  wrtc?: unknown
  preferWebSocket?: boolean
}

/** The app's joinLiveDoc, typed by what the peer scripts use of it. */
type JoinLiveDoc = (
  doc: Y.Doc,
  options: Person & { address: HubAddress },
  page: { addEventListener(): void; removeEventListener(): void; navigator: { onLine: boolean } }
) => LiveDocConnection

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
   * Joins a live session as a participant's browser does: trades the code for a ticket (the
   * join check), then puts `doc` in the room through the app's joinLiveDoc (a page that is
   * always online), linked by `link`.
   */
  joinSession(origin: string, code: string, doc: Y.Doc, person: Person, link: LinkKind): Promise<LiveDocConnection>
  /** Joins as the facilitator's window does: its ticket, over loopback, by the WebSocket. */
  joinAsFacilitator(access: FacilitatorAccess, doc: Y.Doc, person: Person): Promise<LiveDocConnection>
}

/** Loaded once per process, on the first join. */
let joinLiveDoc: Promise<JoinLiveDoc> | undefined
const wrtc = createRequire(import.meta.url)('@roamhq/wrtc') as unknown

async function loadJoinLiveDoc(): Promise<JoinLiveDoc> {
  // Loaded by URL: its default argument names the browser's `window`, which Node's type
  // check (tsconfig.node.json) does not know, so that check must not follow this import.
  const liveSync = new URL('../../renderer/src/crdt/liveSync.ts', import.meta.url).href
  return ((await import(liveSync)) as { joinLiveDoc: JoinLiveDoc }).joinLiveDoc
}

const page = { addEventListener() {}, removeEventListener() {}, navigator: { onLine: true } }

export function becomeLaptop(localAddress: string): Laptop {
  class LaptopWebSocket extends NodeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { localAddress })
    }
  }
  // The hub provider's transports (signaling and the sealed link) open the global WebSocket.
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
    async joinSession(origin, code, doc, person, link) {
      joinLiveDoc ??= loadJoinLiveDoc()
      const join = await joinLiveDoc
      const answer = (await this.getJson(`${origin}/join/check?code=${encodeURIComponent(code)}`)) as JoinAnswer
      if (!answer.ok) throw new Error(`join refused: ${answer.error}`)
      const address: HubAddress = { origin, room: answer.room, ticket: answer.ticket, hostKey: answer.hostKey, wrtc }
      if (link === 'websocket') address.preferWebSocket = true
      return join(doc, { ...person, address }, page)
    },
    async joinAsFacilitator(access, doc, person) {
      joinLiveDoc ??= loadJoinLiveDoc()
      const join = await joinLiveDoc
      // The hub gives a WebRTC link the participant's role only: the facilitator's is the WebSocket.
      return join(doc, { ...person, address: { ...access, wrtc, preferWebSocket: true } }, page)
    }
  }
}
