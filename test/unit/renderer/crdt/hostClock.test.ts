import { describe, expect, it } from 'vitest'
import { createHostClockEstimate } from '../../../../renderer/src/crdt/hostClock'

describe('host clock estimate', () => {
  it('is zero before anything arrives', () => {
    expect(createHostClockEstimate().offset()).toBe(0)
  })

  it('finds a 90-second skew to within the fastest travel time', () => {
    const estimate = createHostClockEstimate()
    const skew = -90_000 // this laptop is 90 s ahead of the host
    const travel = [40, 3, 120, 15]
    travel.forEach((ms, i) => {
      const hostSentAt = 1_000_000 + i * 5_000
      estimate.sample(hostSentAt, hostSentAt - skew + ms)
    })
    expect(estimate.offset()).toBe(skew - 3)
  })

  it('follows a host clock that is corrected during the session', () => {
    const estimate = createHostClockEstimate()
    for (let i = 0; i < 8; i++) estimate.sample(1_000_000 + i * 5_000 + 60_000, 1_000_000 + i * 5_000)
    for (let i = 8; i < 16; i++) estimate.sample(1_000_000 + i * 5_000, 1_000_000 + i * 5_000)
    expect(estimate.offset()).toBe(0)
  })
})
