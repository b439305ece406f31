import { describe, expect, it } from 'vitest'
import { consensusText, dotVoteText, facilitatorTimeZone, fingersText, formatTime, formatTimeSpan, participantsText } from '../../../../shared/exports/valuesText'
import { twelveValueRecord } from '../../../exports/valuesFixtures'

const rule = { threshold: 3, minGroup: 3 }

describe('valuesText', () => {
  it('writes times in the computer’s time zone (UTC for these tests) and says which', () => {
    expect(facilitatorTimeZone()).toBe('UTC')
    expect(formatTime('2026-11-25T23:05:00.000Z')).toBe('25 Nov 2026, 23:05 (UTC)')
    expect(formatTimeSpan('2026-11-25T13:02:00.000Z', '2026-11-25T13:15:59.000Z')).toBe('25 Nov 2026, 13:02–13:15 (UTC)')
    expect(formatTimeSpan('2026-11-25T23:50:00.000Z', '2026-11-26T00:10:00.000Z')).toBe('25 Nov 2026, 23:50 (UTC) – 26 Nov 2026, 00:10 (UTC)')
    expect(formatTimeSpan('2026-11-25T23:50:00.000Z', null)).toBe('25 Nov 2026, 23:50 (UTC), not closed')
  })

  it('writes a facilitator’s local time with the zone and its offset that day, and a span that crosses midnight there in full', () => {
    expect(formatTime('2026-11-25T14:30:00.000Z', 'Europe/Berlin')).toBe('25 Nov 2026, 15:30 (Europe/Berlin, UTC+01:00)')
    // Summer time: the offset is the one in force that day.
    expect(formatTime('2026-07-01T14:30:00.000Z', 'Europe/Berlin')).toBe('1 Jul 2026, 16:30 (Europe/Berlin, UTC+02:00)')
    expect(formatTime('2026-11-25T14:30:00.000Z', 'America/New_York')).toBe('25 Nov 2026, 09:30 (America/New_York, UTC-05:00)')
    expect(formatTime('2026-11-25T14:30:00.000Z', 'Europe/London')).toBe('25 Nov 2026, 14:30 (Europe/London, UTC+00:00)')
    expect(formatTimeSpan('2026-11-25T22:50:00.000Z', '2026-11-25T23:10:00.000Z', 'Europe/Berlin')).toBe(
      '25 Nov 2026, 23:50 (Europe/Berlin, UTC+01:00) – 26 Nov 2026, 00:10 (Europe/Berlin, UTC+01:00)'
    )
  })

  it('names participants only when the workshop was not anonymous', () => {
    const record = twelveValueRecord()
    expect(participantsText(record)).toBe('4 participants: Ana, Chloé, Jürgen, O’Brien, Pat')
    expect(participantsText({ ...record, anonymous: true, participants: { count: 1, names: null } })).toBe(
      '1 participant; the workshop was anonymous'
    )
  })

  it('describes the dot vote in words', () => {
    expect(dotVoteText({ budget: 1, multipleDotsPerCluster: true, voters: 1 })).toBe(
      '1 person voted, 1 dot each (more than one dot per cluster allowed)'
    )
  })

  it('gives a consensus, flags it, or withholds it when too few voted', () => {
    expect(consensusText(null, rule)).toBeNull()
    expect(consensusText({ scores: [0, 0, 0, 0, 3, 0], voters: 3, average: 4, flagged: false }, rule)).toBe('Consensus: 4.0 of 5 from 3 people.')
    expect(consensusText({ scores: [3, 0, 0, 0, 0, 0], voters: 3, average: 0, flagged: true }, rule)).toBe(
      'Consensus: 0.0 of 5 from 3 people, flagged for rework (below 3).'
    )
    const tooFew = { scores: [0, 0, 0, 0, 2, 0], voters: 2, average: null, flagged: false }
    expect(consensusText(tooFew, rule)).toBe('Consensus: not shown, as fewer than 3 people took part.')
    expect(fingersText(tooFew)).toBeNull()
  })
})
