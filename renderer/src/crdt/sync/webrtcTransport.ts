/**
 * The WebRTC link to the host, the way y-webrtc makes one: this laptop subscribes to the
 * session's room on the host's signaling, announces itself, and the host (the only peer it is
 * introduced to) offers a data channel. The host's candidates are its real addresses, so this
 * works where the browser hides its own address behind a `.local` name no one can resolve.
 */
import { newId } from '../ids'
import { SimplePeer, type SignalData } from './simplePeer'
import type { Transport, TransportEvents } from './transport'

export interface WebrtcAddress {
  /** ws(s)://host:port/signal?ticket=… */
  signalingUrl: string
  room: string
  /** @roamhq/wrtc in Node; the browser's own WebRTC otherwise. */
  wrtc?: unknown
}

export function openWebrtcTransport(address: WebrtcAddress, events: TransportEvents): Transport {
  const peerId = newId()
  let peer: InstanceType<typeof SimplePeer> | null = null
  let hostId: string | null = null
  let glareToken: number | undefined
  let done = false
  let opened = false
  // The host's first messages can arrive before this side's 'connect' event.
  const open = () => {
    if (opened) return
    opened = true
    events.open()
  }
  const signaling = new WebSocket(address.signalingUrl)

  const publish = (data: unknown) => {
    if (signaling.readyState === WebSocket.OPEN) signaling.send(JSON.stringify({ type: 'publish', topic: address.room, data }))
  }
  const finish = () => {
    if (done) return
    done = true
    signaling.close()
    peer?.destroy()
    events.closed({ kind: 'lost' })
  }

  signaling.onopen = () => {
    signaling.send(JSON.stringify({ type: 'subscribe', topics: [address.room] }))
    publish({ type: 'announce', from: peerId })
  }
  // A close always follows an error; that is where the link's end is handled.
  signaling.onerror = () => undefined
  signaling.onclose = () => {
    // Once the data channel is open, signaling is no longer needed for it.
    if (!peer?.connected) finish()
  }
  signaling.onmessage = (event: MessageEvent) => {
    let message: { type?: unknown; data?: { type?: unknown; from?: unknown; to?: unknown; signal?: unknown } }
    try {
      message = JSON.parse(String(event.data)) as typeof message
    } catch {
      return
    }
    const data = message.data
    if (message.type !== 'publish' || !data || typeof data.from !== 'string' || data.from === peerId) return
    // The host announcing itself (it restarted): introduce ourselves again, it offers.
    if (data.type === 'announce' && !peer) return publish({ type: 'announce', from: peerId })
    if (data.type !== 'signal' || data.to !== peerId || typeof data.signal !== 'object' || data.signal === null) return
    if (!peer) {
      hostId = data.from
      try {
        peer = createPeer(data.from)
      } catch {
        // This browser has no WebRTC (turned off, or none at all): the WebSocket takes over.
        return finish()
      }
      events.negotiating?.()
    }
    if (data.from !== hostId) return
    try {
      peer.signal(data.signal as SignalData)
    } catch {
      finish()
    }
  }

  const createPeer = (remoteId: string) => {
    const created = new SimplePeer({
      initiator: false,
      config: { iceServers: [] },
      ...(address.wrtc ? { wrtc: address.wrtc as never } : {})
    })
    created.on('signal', (signal: SignalData) => {
      glareToken ??= Date.now() + Math.random()
      publish({ type: 'signal', from: peerId, to: remoteId, token: glareToken, signal })
    })
    created.on('connect', open)
    created.on('data', (data: Uint8Array) => {
      if (done) return
      open()
      events.frame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    })
    created.on('error', finish)
    created.on('close', finish)
    return created
  }

  return {
    send(frame) {
      // write() waits for the channel's buffer to drain; a failed send closes the peer, and with it the link.
      if (!done && peer) peer.write(frame)
    },
    close() {
      if (done) return
      done = true
      signaling.close()
      peer?.destroy()
    }
  }
}
