import { describe, expect, it } from 'vitest'
import { JOURNEY_CSV_COLUMNS, journeyCsv } from '../../../../shared/exports/journeyCsv'
import type { JourneyRecord } from '../../../../shared/journeyRecord'
import { AWKWARD_NOTES, finalizedJourney, fullJourneyRecord, smallJourneyRecord } from '../../../exports/journeyFixtures'
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
})
