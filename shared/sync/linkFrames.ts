/**
 * Every link between a laptop and the host carries y-webrtc's messages: a varuint message
 * type (y-protocols sync, awareness…) and its body. A data channel refuses a message over
 * its limit (256 KiB in Chromium) and y-webrtc's client would drop it silently, so a board
 * never reached a latecomer once it outgrew that. Here a message over FRAGMENT_BYTES travels
 * as fragments of a message type y-webrtc does not use; an unmodified y-webrtc client
 * ignores them (it only ever receives them for a board over FRAGMENT_BYTES).
 *
 * Links are ordered and reliable (a WebSocket, an ordered data channel), so fragments of one
 * message arrive together and in order: a fragment says only whether it is the last.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/** y-webrtc's message types, and ours. Never renumber: other laptops use them. */
export const LINK_MESSAGE = {
  sync: 0,
  awareness: 1,
  queryAwareness: 3,
  fragment: 100,
  /** Anonymous mode: a laptop's part of a round, for the host only (shared/roundSubmissions.ts). */
  submission: 101,
  /** Anonymous mode: from the host to one person's laptops only, the rounds whose part of theirs it holds back (a latecomer's). */
  heldBack: 102,
  /** Anonymous mode: a laptop's change to the board, for the host to write as its own (shared/boardPatch.ts). */
  boardPatch: 103,
  /** From the host to the laptop that sent it: the patch it has written (its stream and number). */
  boardPatchWritten: 104
} as const

/** Well under every data channel's limit, and small enough to interleave with other links' traffic. */
export const FRAGMENT_BYTES = 64 * 1024

/** A peer broke the link's rules: the link closes, nothing it sent is applied. */
export class LinkViolation extends Error {}

/** One link message: its type, then what `write` puts in it. */
export function linkMessage(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** The frames that carry `message`: the message itself when it is small enough. */
export function toFrames(message: Uint8Array, fragmentBytes = FRAGMENT_BYTES): Uint8Array[] {
  if (message.byteLength <= fragmentBytes) return [message]
  const frames: Uint8Array[] = []
  for (let start = 0; start < message.byteLength; start += fragmentBytes) {
    const end = Math.min(start + fragmentBytes, message.byteLength)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, LINK_MESSAGE.fragment)
    encoding.writeUint8(encoder, end === message.byteLength ? 1 : 0)
    encoding.writeUint8Array(encoder, message.subarray(start, end))
    frames.push(encoding.toUint8Array(encoder))
  }
  return frames
}

export interface Reassembler {
  /**
   * Takes one frame; returns the whole message once it is complete, null while fragments are
   * still coming. Throws LinkViolation for a message over the limit or a frame that is not one.
   */
  push(frame: Uint8Array): Uint8Array | null
}

export function createReassembler(maxMessageBytes: number): Reassembler {
  let parts: Uint8Array[] = []
  let size = 0
  return {
    push(frame) {
      if (frame.byteLength === 0) throw new LinkViolation('an empty message')
      const decoder = decoding.createDecoder(frame)
      let type: number
      try {
        type = decoding.readVarUint(decoder)
      } catch {
        throw new LinkViolation('a message with no type')
      }
      if (type !== LINK_MESSAGE.fragment) {
        if (parts.length > 0) throw new LinkViolation('a message inside another one’s fragments')
        if (frame.byteLength > maxMessageBytes) throw new LinkViolation(`a message of ${frame.byteLength} bytes`)
        return frame
      }
      if (!decoding.hasContent(decoder)) throw new LinkViolation('a fragment with no flag')
      const last = decoding.readUint8(decoder) === 1
      const payload = frame.subarray(decoder.pos)
      size += payload.byteLength
      // Checked as fragments arrive, so an endless message costs at most the limit.
      if (size > maxMessageBytes) throw new LinkViolation(`a message of more than ${maxMessageBytes} bytes`)
      parts.push(payload)
      if (!last) return null
      const message = new Uint8Array(size)
      let offset = 0
      for (const part of parts) {
        message.set(part, offset)
        offset += part.byteLength
      }
      parts = []
      size = 0
      return message
    }
  }
}

/** One entry of a presence update (y-protocols awareness): whose it is, its clock, its state as JSON text. */
export interface PresenceEntry {
  clientId: number
  clock: number
  json: string
}

/**
 * The entries of a presence update, in y-protocols' own encoding (the awareness module only
 * applies updates, so the host, which re-writes each entry, and a laptop, which looks for its
 * own, read them here). Throws on bytes that are not one.
 */
export function decodePresenceEntries(update: Uint8Array): PresenceEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: PresenceEntry[] = []
  for (let i = 0; i < count; i++) {
    entries.push({ clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), json: decoding.readVarString(decoder) })
  }
  return entries
}

/** A presence update of `entries`, as y-protocols' applyAwarenessUpdate reads it. */
export function encodePresenceEntries(entries: readonly PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, entry.json)
  }
  return encoding.toUint8Array(encoder)
}
