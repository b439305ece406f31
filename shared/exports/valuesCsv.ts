/**
 * A finalized values record as a spreadsheet: one row for each value (its definition and
 * consensus) and one for each of its behaviours and example stories. Written by
 * csv-stringify (its browser build, which needs nothing from Node), with a byte-order mark
 * so Excel reads the accents right, and with cells that start like a formula (`=`, `+`,
 * `-`, `@`) prefixed with `'` so that opening the file never runs what someone typed.
 */
import { stringify } from 'csv-stringify/browser/esm/sync'
import type { FinalizedValues, ValueStatement } from '../valuesRecord'
import { formatAverage, LABELS } from './valuesText'

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

export function valuesCsv(finalized: FinalizedValues): string {
  return stringify(
    finalized.values.flatMap((value, index) => rowsOf(value, index + 1)),
    { header: true, columns: [...VALUES_CSV_COLUMNS], bom: true, record_delimiter: 'windows', escape_formulas: true }
  )
}
