/**
 * The WebSocket link to the host, on the session's own port, for networks where WebRTC does
 * not open. Every frame is sealed with a key agreed with the host's public key
 * (shared/sync/sealedChannel.ts); the ticket travels sealed too.
 */
import { SYNC_CLOSE, type SyncAdmission } from '../../../../shared/liveSession'
import { decodeKey, openClientChannel } from '../../../../shared/sync/sealedChannel'
import type { Transport, TransportEvents } from './transport'

export interface SocketAddress {
  /** ws(s)://host:port/sync */
  url: string
  ticket: string
  /** The host's public key, encoded. */
  hostKey: string
}

const REFUSALS: Record<number, { ended: boolean; message: string }> = {
  [SYNC_CLOSE.ended]: { ended: true, message: 'The session has ended.' },
  [SYNC_CLOSE.notAdmitted]: {
    ended: false,
    message: 'The facilitator’s laptop did not let this browser in: the session may have ended or restarted. Open the join link again.'
  },
  [SYNC_CLOSE.tooMany]: {
    ended: false,
    message: 'This browser has too many connections to the session open: close its other tabs of the board.'
  }
}

export function openSocketTransport(address: SocketAddress, events: TransportEvents): Transport {
  const hostKey = decodeKey(address.hostKey)
  if (!hostKey) {
    queueMicrotask(() =>
      events.closed({ kind: 'refused', ended: false, message: 'This join link is damaged: open the link from the facilitator’s screen again.' })
    )
    return { send: () => undefined, close: () => undefined }
  }
  const { hello, channel } = openClientChannel(hostKey)
  const socket = new WebSocket(address.url)
  socket.binaryType = 'arraybuffer'
  let opened = false
  let done = false

  const finish = (code: number) => {
    if (done) return
    done = true
    const refusal = REFUSALS[code]
    events.closed(refusal ? { kind: 'refused', ...refusal } : { kind: 'lost' })
  }

  socket.onopen = () => {
    socket.send(hello as Uint8Array<ArrayBuffer>)
    const admission: SyncAdmission = { v: 1, ticket: address.ticket }
    socket.send(channel.seal(new TextEncoder().encode(JSON.stringify(admission))) as Uint8Array<ArrayBuffer>)
  }
  socket.onmessage = (event: MessageEvent) => {
    if (done || !(event.data instanceof ArrayBuffer)) return
    let frame: Uint8Array
    try {
      frame = channel.open(new Uint8Array(event.data))
    } catch {
      // Not from the host this link was sealed for.
      socket.close()
      return finish(0)
    }
    // The host speaks first once it has admitted us.
    if (!opened) {
      opened = true
      events.open()
    }
    events.frame(frame)
  }
  // A close always follows an error; that is where the link's end is handled.
  socket.onerror = () => undefined
  socket.onclose = (event: CloseEvent) => finish(event.code)

  return {
    send(frame) {
      if (!done && opened && socket.readyState === WebSocket.OPEN) socket.send(channel.seal(frame) as Uint8Array<ArrayBuffer>)
    },
    close() {
      if (done) return
      done = true
      socket.close()
    }
  }
}
