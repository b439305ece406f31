/**
 * What one laptop's link to the hub may send. A real participant sends a few small updates a
 * second while typing and dragging, a bigger one when it comes back with offline work, and
 * its presence now and then; one that streams updates or presence would otherwise take the
 * host's CPU, memory and disk from everyone else (a participant streaming 184 KB updates once
 * cut the facilitator off from the room). Each limit is a token bucket: a burst, then a
 * sustained rate. Breaking one closes that link only.
 */
import { LinkViolation } from '../../shared/sync/linkFrames'

export interface LinkLimits {
  /** Largest message, reassembled from its fragments. */
  maxMessageBytes: number
  /** Frames per second, and the burst. */
  framesPerSecond: number
  frameBurst: number
  /** Update bytes per second, and the burst (a laptop back with its offline work). */
  updateBytesPerSecond: number
  updateByteBurst: number
  /** Presence messages per second, the burst, and the largest one. */
  presencePerSecond: number
  presenceBurst: number
  maxPresenceBytes: number
}

export const DEFAULT_LINK_LIMITS: LinkLimits = Object.freeze({
  maxMessageBytes: 16 * 1024 * 1024,
  // A 16 MiB message is 256 fragments: the burst lets one through at once.
  framesPerSecond: 200,
  frameBurst: 600,
  updateBytesPerSecond: 1024 * 1024,
  updateByteBurst: 24 * 1024 * 1024,
  presencePerSecond: 20,
  presenceBurst: 60,
  maxPresenceBytes: 16 * 1024
})

interface Bucket {
  tokens: number
  at: number
}

function take(bucket: Bucket, amount: number, perSecond: number, capacity: number, what: string): void {
  const now = performance.now()
  bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * perSecond)
  bucket.at = now
  if (bucket.tokens < amount) throw new LinkViolation(what)
  bucket.tokens -= amount
}

export function createLinkBounds(limits: LinkLimits) {
  const now = performance.now()
  const frames: Bucket = { tokens: limits.frameBurst, at: now }
  const bytes: Bucket = { tokens: limits.updateByteBurst, at: now }
  const presence: Bucket = { tokens: limits.presenceBurst, at: now }
  return {
    countFrame(): void {
      take(frames, 1, limits.framesPerSecond, limits.frameBurst, 'too many messages')
    },
    countUpdate(size: number): void {
      take(bytes, size, limits.updateBytesPerSecond, limits.updateByteBurst, 'too much data')
    },
    countPresence(size: number): void {
      if (size > limits.maxPresenceBytes) throw new LinkViolation('presence too large')
      take(presence, 1, limits.presencePerSecond, limits.presenceBurst, 'presence too often')
    }
  }
}
