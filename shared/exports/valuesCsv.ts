/**
 * A finalized values record as a spreadsheet: one row for each value (its definition and
 * consensus) and one for each of its behaviours and example stories; then, each below an
 * empty row, the dot vote's ranking (one row per cluster, with its rank and tie) and what the
 * team wrote (one row per note with its cluster). One file, so that a spreadsheet opens
 * everything at once; a program finds each table by its title row, "Ranking" or "What the
 * team wrote", the last table running to the end of the file. Written by
 * csv-stringify (its browser build, which needs nothing from Node), with a byte-order mark
 * so Excel reads the accents right, and with cells that start like a formula (`=`, `+`,
 * `-`, `@`) prefixed with `'` so that opening the file never runs what someone typed.
 */
import { stringify } from 'csv-stringify/browser/esm/sync'
import { TIE_NOTES } from '../ballots'
import { teamNotesOf, votePlacesOf, type FinalizedValues, type TeamNotes, type ValueStatement, type VotePlace } from '../valuesRecord'
import { formatAverage, LABELS, noteGroups } from './valuesText'

export const VALUES_CSV_COLUMNS = [
  'Value number',
  'Value',
  'Row',
  'Text',
  'Consensus average (0-5)',
  'Consensus voters',
  'Flagged for rework'
] as const

export const CSV_ROW_KINDS = { definition: 'Definition', weDo: LABELS.weDo, weDont: LABELS.weDont, example: 'Example story' } as const

type Row = [number, string, string, string, string, string, string]

function rowsOf(value: ValueStatement, number: number): Row[] {
  const consensus = value.consensus
  const average = consensus?.average ?? null
  // A withheld average (too few voters) stays blank, as it does in every other export.
  const summary: [string, string, string] =
    consensus && average !== null ? [formatAverage(average), String(consensus.voters), consensus.flagged ? 'yes' : 'no'] : ['', '', '']
  const row = (kind: string, text: string): Row => [number, value.name, kind, text, '', '', '']
  return [
    [number, value.name, CSV_ROW_KINDS.definition, value.definition, ...summary],
    ...value.weDo.map((text) => row(CSV_ROW_KINDS.weDo, text)),
    ...value.weDont.map((text) => row(CSV_ROW_KINDS.weDont, text)),
    ...value.examples.map((text) => row(CSV_ROW_KINDS.example, text))
  ]
}

/** The rank is a number, even in a tie ("=1" would read as a formula): the Tie column says which places share it. */
export const RANKING_CSV_COLUMNS = ['Rank', 'Cluster', 'Dots', 'Tie'] as const

/** The ranking's table: its title row, its header, then one row per cluster, most dots first. */
const rankingRows = (places: readonly VotePlace[]): string[][] => [
  [LABELS.ranking],
  [...RANKING_CSV_COLUMNS],
  ...places.map((place) => [String(place.rank), place.cluster, String(place.dots), TIE_NOTES[place.tie]])
]

export const NOTES_CSV_COLUMNS = ['Cluster', 'Note'] as const

/** The second table: its title row, its header, then one row per note (a cluster without notes gets one row, its note blank). */
function teamNoteRows(notes: TeamNotes | null): string[][] {
  if (notes === null) return [[LABELS.teamNotes], [LABELS.notesNotKept]]
  const rows = noteGroups(notes).flatMap((group) => (group.notes.length > 0 ? group.notes.map((note) => [group.title, note]) : [[group.title, '']]))
  return [[LABELS.teamNotes], [...NOTES_CSV_COLUMNS], ...rows]
}

const OPTIONS = { record_delimiter: 'windows', escape_formulas: true } as const

export function valuesCsv(finalized: FinalizedValues): string {
  const values = stringify(finalized.values.flatMap((value, index) => rowsOf(value, index + 1)), {
    ...OPTIONS,
    header: true,
    columns: [...VALUES_CSV_COLUMNS],
    bom: true
  })
  const ranking = stringify(rankingRows(votePlacesOf(finalized)), OPTIONS)
  return `${values}\r\n${ranking}\r\n${stringify(teamNoteRows(teamNotesOf(finalized)), OPTIONS)}`
}
