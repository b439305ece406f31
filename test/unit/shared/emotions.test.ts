import { describe, expect, it } from 'vitest'
import { emotionResult, quantile } from '../../../shared/emotions'
import { parseJourneyRecord } from '../../../shared/journeyRecord'
import { smallJourneyRecord } from '../../exports/journeyFixtures'

describe('emotionResult', () => {
  it('gives the median: the middle rating, or halfway between the two middle ones', () => {
    expect(emotionResult('s', [2, -1, 0, 1, -2], 3).median).toBe(0)
    expect(emotionResult('s', [1, 2, -1, 2], 3).median).toBe(1.5)
  })

  // The values R's quantile(x, type = 7), NumPy's quantile and QUARTILE.INC give for the same ratings.
  it('gives the middle half as first and third quartiles, interpolated as R’s type 7', () => {
    expect(emotionResult('s', [2, -2, 1, -1, 0, 2], 3)).toEqual({ stageId: 's', raters: 6, median: 0.5, spread: { low: -0.75, high: 1.75 } })
    expect(emotionResult('s', [0, 1, 1, 1, 2, 2, 2, -2, -1], 3)).toEqual({ stageId: 's', raters: 9, median: 1, spread: { low: 0, high: 2 } })
    expect(emotionResult('s', [-1, -1, -1], 3)).toEqual({ stageId: 's', raters: 3, median: -1, spread: { low: -1, high: -1 } })
  })

  it('withholds median and spread when fewer than k people rated, and shows them from k on', () => {
    expect(emotionResult('s', [2, 2], 3)).toEqual({ stageId: 's', raters: 2, median: null, spread: null })
    expect(emotionResult('s', [], 1)).toEqual({ stageId: 's', raters: 0, median: null, spread: null })
    expect(emotionResult('s', [2, 2, -2], 3)).toEqual({ stageId: 's', raters: 3, median: 2, spread: { low: 0, high: 2 } })
  })

  it('leaves the ratings it was given as they were', () => {
    const ratings = [2, -2, 0]
    emotionResult('s', ratings, 1)
    expect(ratings).toEqual([2, -2, 0])
  })

  it('refuses a rating off the −2 to +2 scale', () => {
    expect(() => emotionResult('s', [0, 3], 1)).toThrow('a rating must lie between -2 and +2, not 3')
    expect(() => emotionResult('s', [Number.NaN], 1)).toThrow('not NaN')
  })

  it('always gives a result the finalized record accepts', () => {
    let seed = 7
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    const record = smallJourneyRecord()
    for (let trial = 0; trial < 200; trial++) {
      const stages = record.stages.map((stage) =>
        emotionResult(stage.id, Array.from({ length: Math.floor(random() * 12) }, () => Math.floor(random() * 5) - 2), record.emotions.minGroup)
      )
      expect(parseJourneyRecord({ ...record, emotions: { ...record.emotions, stages } }).ok).toBe(true)
    }
  })
})

describe('quantile', () => {
  it('interpolates between the nearest ranks, and refuses an empty list', () => {
    expect(quantile([0, 10], 0.25)).toBe(2.5)
    expect(quantile([4], 0.75)).toBe(4)
    expect(() => quantile([], 0.5)).toThrow(RangeError)
  })
})
