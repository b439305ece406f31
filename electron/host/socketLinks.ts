/**
 * The WebSocket way into the hub, on the session's port, for laptops whose WebRTC link does
 * not open (multicast blocked, client isolation, no default route, a strict firewall) and for
 * the facilitator's own window. Everything on it is sealed with the session's key
 * (shared/sync/sealedChannel.ts); the ticket travels inside, never in the URL. A connection
 * that does not say hello and show a ticket in time, or breaks a rule, is closed; the others
 * carry on.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer } from 'ws'
import { SYNC_CLOSE, type SyncAdmission } from '../../shared/liveSession'
import { FRAGMENT_BYTES, LinkViolation } from '../../shared/sync/linkFrames'
import { acceptClientChannel, type HostKeys, type SealedChannel } from '../../shared/sync/sealedChannel'
import type { AttachedLink, HubLink, HubRoom, LinkRole } from './hubRoom'
import { toBuffer } from './signalingHub'

export interface SocketLinkOptions {
  keys: HostKeys
  /** The role a ticket gives, or null when it is not one of the session's. Called for every attempt. */
  admit(ticket: string): LinkRole | null
  hub: HubRoom
  /** Open links per ticket: a tab, and one left half-open by a reload. */
  maxLinksPerTicket?: number
  maxLinks?: number
}

/** Time to say hello and show a ticket. */
const ADMISSION_MS = 10_000
/** A link whose laptop reads slower than this much backlog is cut off rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024
// Sealing adds 16 bytes; a fragment carries a few bytes of header.
const MAX_FRAME_BYTES = FRAGMENT_BYTES + 64

export class SocketLinkServer {
  private readonly server = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    clientTracking: false,
    perMessageDeflate: false
  })
  private readonly sockets = new Set<WebSocket>()
  private readonly linksPerTicket = new Map<string, number>()
  private closed = false

  constructor(private readonly options: SocketLinkOptions) {}

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.closed || this.sockets.size >= (this.options.maxLinks ?? 400)) {
      socket.on('error', () => socket.destroy())
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    this.server.handleUpgrade(request, socket, head, (webSocket) => this.accept(webSocket))
  }

  /** Closes every link, e.g. when the session ends. */
  closeAll(code: number, reason: string): void {
    this.closed = true
    for (const socket of this.sockets) socket.close(code, reason)
  }

  private accept(socket: WebSocket): void {
    this.sockets.add(socket)
    let channel: SealedChannel | null = null
    let attached: AttachedLink | null = null
    let ticket: string | null = null
    const timer = setTimeout(() => socket.close(SYNC_CLOSE.notAdmitted, 'no ticket in time'), ADMISSION_MS)
    timer.unref()

    const close = (code: number, reason: string) => {
      if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) socket.close(code, reason)
    }
    const link: HubLink = {
      kind: 'websocket',
      send(frame) {
        if (socket.readyState !== WebSocket.OPEN || !channel) return
        if (socket.bufferedAmount > MAX_BUFFERED_BYTES) return close(SYNC_CLOSE.violation, 'too slow to keep up')
        socket.send(channel.seal(frame), (error) => {
          if (error) socket.terminate()
        })
      },
      close: (reason) => close(SYNC_CLOSE.violation, reason.slice(0, 120))
    }

    const admit = (plain: Uint8Array) => {
      let admission: Partial<SyncAdmission>
      try {
        admission = JSON.parse(new TextDecoder().decode(plain)) as Partial<SyncAdmission>
      } catch {
        throw new LinkViolation('an admission that is not JSON')
      }
      const role = typeof admission.ticket === 'string' ? this.options.admit(admission.ticket) : null
      if (!role || admission.v !== 1) return close(SYNC_CLOSE.notAdmitted, 'not admitted to this session')
      const held = this.linksPerTicket.get(admission.ticket!) ?? 0
      if (held >= (this.options.maxLinksPerTicket ?? 4)) return close(SYNC_CLOSE.tooMany, 'too many connections with this ticket')
      ticket = admission.ticket!
      this.linksPerTicket.set(ticket, held + 1)
      clearTimeout(timer)
      attached = this.options.hub.attach(link, role, ticket)
    }

    socket.on('message', (data, isBinary) => {
      try {
        if (!isBinary) throw new LinkViolation('a text message')
        const bytes = toBuffer(data)
        if (!channel) {
          channel = acceptClientChannel(this.options.keys, bytes)
          return
        }
        const plain = channel.open(bytes)
        if (attached) attached.receive(plain)
        else admit(plain)
      } catch (error) {
        close(SYNC_CLOSE.violation, error instanceof LinkViolation ? error.message : 'a message the host could not read')
      }
    })
    socket.on('error', () => socket.terminate())
    socket.on('close', () => {
      clearTimeout(timer)
      this.sockets.delete(socket)
      attached?.detach()
      if (ticket !== null) {
        const left = (this.linksPerTicket.get(ticket) ?? 1) - 1
        if (left > 0) this.linksPerTicket.set(ticket, left)
        else this.linksPerTicket.delete(ticket)
      }
    })
  }
}
