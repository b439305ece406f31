/**
 * End-to-end encryption for the WebSocket link between a laptop and the host. Participants
 * open the session over plain http on the room's network, where browsers give no
 * `crypto.subtle`; WebRTC's data channels are encrypted (DTLS) but a WebSocket over http is
 * not. So the join link carries the host's public key in its fragment (which no browser
 * sends to any server), and each connection agrees a key with it (NaCl box: X25519 and
 * XSalsa20-Poly1305, from tweetnacl). A passive listener on the Wi-Fi learns nothing; one who
 * cannot decrypt cannot forge, replay or reorder a message either (each direction numbers its
 * messages in the nonce). What an active attacker can still do, serve a changed page, the
 * README says.
 *
 * The first frame a client sends is the version and its one-off public key, in the clear; every
 * later frame in both directions is sealed.
 */
import * as buffer from 'lib0/buffer'
import nacl from 'tweetnacl'
import { LinkViolation } from './linkFrames'

export const SEALED_CHANNEL_VERSION = 1
const KEY_BYTES = nacl.box.publicKeyLength
const HELLO_BYTES = 1 + KEY_BYTES
/** Which side sealed a message: the first byte of its nonce, so the two directions never share one. */
const FROM_CLIENT = 1
const FROM_HOST = 2

export interface HostKeys {
  publicKey: Uint8Array
  secretKey: Uint8Array
}

export interface SealedChannel {
  seal(plain: Uint8Array): Uint8Array
  /** Throws LinkViolation for anything not sealed by the other side as its next message. */
  open(sealed: Uint8Array): Uint8Array
}

export const createHostKeys = (): HostKeys => nacl.box.keyPair()

/** A key as it travels in a link: base64url, no padding. */
export function encodeKey(key: Uint8Array): string {
  return buffer.toBase64(key).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The key in `text`, or null when it is not one. */
export function decodeKey(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(text)) return null
  const key = buffer.fromBase64(text.replace(/-/g, '+').replace(/_/g, '/') + '=')
  return key.byteLength === KEY_BYTES ? key : null
}

function nonce(side: number, counter: number): Uint8Array {
  const bytes = new Uint8Array(nacl.box.nonceLength)
  bytes[0] = side
  const view = new DataView(bytes.buffer)
  view.setUint32(16, Math.floor(counter / 2 ** 32))
  view.setUint32(20, counter >>> 0)
  return bytes
}

function channel(sharedKey: Uint8Array, ownSide: number, otherSide: number): SealedChannel {
  let sent = 0
  let received = 0
  return {
    seal(plain) {
      return nacl.box.after(plain, nonce(ownSide, sent++), sharedKey)
    },
    open(sealed) {
      const plain = nacl.box.open.after(sealed, nonce(otherSide, received), sharedKey)
      if (!plain) throw new LinkViolation('a message that was not sealed for this link')
      received++
      return plain
    }
  }
}

/** The client's side: the hello to send first, and the channel for everything after it. */
export function openClientChannel(hostPublicKey: Uint8Array): { hello: Uint8Array; channel: SealedChannel } {
  const own = nacl.box.keyPair()
  const hello = new Uint8Array(HELLO_BYTES)
  hello[0] = SEALED_CHANNEL_VERSION
  hello.set(own.publicKey, 1)
  return { hello, channel: channel(nacl.box.before(hostPublicKey, own.secretKey), FROM_CLIENT, FROM_HOST) }
}

/** The host's side, from a client's hello. Throws LinkViolation for anything else. */
export function acceptClientChannel(host: HostKeys, hello: Uint8Array): SealedChannel {
  if (hello.byteLength !== HELLO_BYTES || hello[0] !== SEALED_CHANNEL_VERSION) {
    throw new LinkViolation('not a hello of this version')
  }
  return channel(nacl.box.before(hello.subarray(1), host.secretKey), FROM_HOST, FROM_CLIENT)
}
