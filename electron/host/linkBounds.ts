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
  /** Diffing a link's patches of shared writing may cost the host (sharedWriting.ts' MergeWork cells) per second, and the burst. */
  mergeCellsPerSecond: number
  mergeCellBurst: number
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
  maxPresenceBytes: 16 * 1024,
  // Typing costs thousands of cells a patch; this lets a link keep ~0.1–0.2 s of the host's time a second, no more.
  mergeCellsPerSecond: 20_000_000,
  mergeCellBurst: 60_000_000
})

interface Bucket {
  tokens: number
  at: number
}

function refill(bucket: Bucket, perSecond: number, capacity: number): void {
  const now = performance.now()
  bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * perSecond)
  bucket.at = now
}

function take(bucket: Bucket, amount: number, perSecond: number, capacity: number, what: string): void {
  refill(bucket, perSecond, capacity)
  if (bucket.tokens < amount) throw new LinkViolation(what)
  bucket.tokens -= amount
}

export function createLinkBounds(limits: LinkLimits) {
  const now = performance.now()
  const frames: Bucket = { tokens: limits.frameBurst, at: now }
  const bytes: Bucket = { tokens: limits.updateByteBurst, at: now }
  const presence: Bucket = { tokens: limits.presenceBurst, at: now }
  const merging: Bucket = { tokens: limits.mergeCellBurst, at: now }
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
    },
    /** Before a patch: a link that has spent more than its share of diffing has its patch refused. */
    checkMerging(): void {
      refill(merging, limits.mergeCellsPerSecond, limits.mergeCellBurst)
      if (merging.tokens < 0) throw new LinkViolation('patches too costly to merge')
    },
    /** After a patch: what its diffing cost (known only once done), owed if more than is left. */
    countMerging(cells: number): void {
      refill(merging, limits.mergeCellsPerSecond, limits.mergeCellBurst)
      merging.tokens -= cells
    }
  }
}
