/**
 * A finalized journey map as a spreadsheet: one row per note, stage by stage and lane by
 * lane, each cell's notes in the board's order. Written like the values spreadsheet
 * (valuesCsv.ts): csv-stringify's browser build, a byte-order mark for Excel, and cells that
 * start like a formula prefixed with `'` so that opening the file never runs what someone typed.
 */
import { stringify } from 'csv-stringify/browser/esm/sync'
import { TIE_NOTES } from '../ballots'
import { notesByCell, type FinalizedJourney } from '../journeyRecord'
import { placesByNote } from './journeyText'

/**
 * Rank is a plain number, even in a tie ("=2" would read as a formula): the Tie column says which
 * notes share it. Both are blank for a note without dots, as the other exports do not rank it.
 */
export const JOURNEY_CSV_COLUMNS = ['Stage', 'Lane', 'Note', 'Dots', 'Rank', 'Tie', 'Linked value', 'Value from workshop'] as const

export function journeyCsv(finalized: FinalizedJourney): string {
  const places = placesByNote(finalized)
  const rows = notesByCell(finalized).flatMap((lanes, stage) =>
    lanes.flatMap((notes, lane) =>
      notes.map((note) => {
        const place = places.get(note.id)
        const ranked = place && place.dots > 0 ? place : null
        return [
          finalized.stages[stage]!.name,
          finalized.lanes[lane]!.name,
          note.text,
          // Blank, not 0, for a note whose lane was not part of the vote.
          note.votes === null ? '' : String(note.votes),
          ranked ? String(ranked.rank) : '',
          ranked ? TIE_NOTES[ranked.tie] : '',
          note.linkedValue?.name ?? '',
          note.linkedValue?.workshopTitle ?? ''
        ]
      })
    )
  )
  return stringify(rows, { header: true, columns: [...JOURNEY_CSV_COLUMNS], bom: true, record_delimiter: 'windows', escape_formulas: true })
}
