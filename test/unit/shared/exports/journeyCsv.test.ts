import { describe, expect, it } from 'vitest'
import { JOURNEY_CSV_COLUMNS, journeyCsv } from '../../../../shared/exports/journeyCsv'
import type { JourneyRecord } from '../../../../shared/journeyRecord'
import { AWKWARD_NOTES, finalizedJourney, fullJourneyRecord, smallJourneyRecord, tiedJourneyRecord } from '../../../exports/journeyFixtures'
import { readCsv } from '../../../exports/readBack'

/** What a person expects to find in the spreadsheet for each note, stage by stage and lane by lane. */
function expectedRows(record: JourneyRecord) {
  const order = (note: JourneyRecord['notes'][number]) =>
    record.stages.findIndex((stage) => stage.id === note.stageId) * 100 + record.lanes.findIndex((lane) => lane.id === note.laneId)
  return [...record.notes]
    .sort((a, b) => order(a) - order(b))
    .map((note) => ({
      Stage: record.stages.find((stage) => stage.id === note.stageId)!.name,
      Lane: record.lanes.find((lane) => lane.id === note.laneId)!.name,
      Note: note.text.startsWith('=') ? `'${note.text}` : note.text,
      Dots: note.votes === null ? '' : String(note.votes),
      // Only a note with dots is ranked; the fixture's ranking has no ties.
      Rank: note.votes ? String(record.votes.ranking.find((place) => place.noteId === note.id)!.rank) : '',
      Tie: note.votes && record.votes.ranking.find((place) => place.noteId === note.id)!.tie !== 'none' ? 'tied' : '',
      'Linked value': note.linkedValue?.name ?? '',
      'Value from workshop': note.linkedValue?.workshopTitle ?? ''
    }))
}

describe('journeyCsv, read back by csv-parse', () => {
  it('has a header and one row per note, in the map’s order', () => {
    for (const record of [smallJourneyRecord(), fullJourneyRecord()]) {
      const rows = readCsv(journeyCsv(finalizedJourney(record)))
      expect(Object.keys(rows[0]!)).toEqual([...JOURNEY_CSV_COLUMNS])
      expect(rows).toEqual(expectedRows(record))
    }
  })

  it('keeps commas, quotes, line breaks, emoji and accents, and defuses cells that look like formulas', () => {
    const csv = journeyCsv(finalizedJourney())
    const notes = readCsv(csv).map((row) => row.Note)
    expect(notes).toEqual(expect.arrayContaining([AWKWARD_NOTES.markup, AWKWARD_NOTES.quotes, AWKWARD_NOTES.emoji, AWKWARD_NOTES.lines]))
    expect(notes).toContain(`'${AWKWARD_NOTES.formula}`)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv).toContain('\r\n')
  })

  it('leaves dots blank for notes whose lane was not voted on, and counts zero where it was', () => {
    const rows = readCsv(journeyCsv(finalizedJourney()))
    expect(rows.filter((row) => row.Lane === 'Touchpoints').every((row) => row.Dots === '')).toBe(true)
    expect(rows.find((row) => row.Note === `'${AWKWARD_NOTES.formula}`)!.Dots).toBe('0')
  })

  it('shows a tie as a tie: the shared rank as a plain number, and what the facilitator did in the Tie column', () => {
    const rows = readCsv(journeyCsv(finalizedJourney(tiedJourneyRecord())))
    const row = (text: string) => rows.find((each) => each.Note === text)!
    expect([row('Stay interviews at two years'), row(AWKWARD_NOTES.emoji)].map(({ Rank, Tie }) => [Rank, Tie])).toEqual([
      ['2', 'tie broken by the facilitator'],
      ['3', 'tie broken by the facilitator']
    ])
    expect([row('A learning budget everyone knows about'), row('Nobody asks why people leave')].map(({ Rank, Tie }) => [Rank, Tie])).toEqual([
      ['5', 'tied, kept by the facilitator'],
      ['5', 'tied, kept by the facilitator']
    ])
    expect(row(`'${AWKWARD_NOTES.formula}`)).toMatchObject({ Dots: '0', Rank: '', Tie: '' })
  })
})
