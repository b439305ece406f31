/**
 * Host time on a laptop's screen. Laptop clocks in a room can be minutes apart, and the
 * shared timer ends at a host time (the facilitator's laptop's clock). The host's presence
 * entry carries its clock every HOST_CLOCK_INTERVAL_MS; each arrival gives `clock − local time`, which
 * is the true offset minus how long the message travelled. Travel time is never negative,
 * so the largest recent sample is the closest one (the NTP idea, one way); only recent ones
 * count, so a clock that is corrected mid-session is followed.
 */

const SAMPLES_KEPT = 8

export interface HostClockEstimate {
  sample(hostClock: number, receivedAt: number): void
  /** Add to this machine's clock to get host time; 0 until a sample arrives. */
  offset(): number
}

export function createHostClockEstimate(): HostClockEstimate {
  const samples: number[] = []
  return {
    sample(hostClock, receivedAt) {
      samples.push(hostClock - receivedAt)
      if (samples.length > SAMPLES_KEPT) samples.shift()
    },
    offset: () => (samples.length ? Math.max(...samples) : 0)
  }
}
