import { describe, expect, it } from 'vitest'
import { VALUES_CSV_COLUMNS, valuesCsv } from '../../../../shared/exports/valuesCsv'
import { AWKWARD, finalized, twelveValueRecord } from '../../../exports/valuesFixtures'
import { readCsv } from '../../../exports/readBack'

describe('valuesCsv, read back by csv-parse', () => {
  const record = twelveValueRecord()
  const csv = valuesCsv(finalized(record))
  const rows = readCsv(csv)

  it('has a header and one row per value and per behaviour and story', () => {
    expect(Object.keys(rows[0]!)).toEqual([...VALUES_CSV_COLUMNS])
    const expected = record.values.reduce((sum, value) => sum + 1 + value.weDo.length + value.weDont.length + value.examples.length, 0)
    expect(rows).toHaveLength(expected)
  })

  it('holds every agreed text, each in the row of its value and kind', () => {
    record.values.forEach((value, index) => {
      const own = rows.filter((row) => row['Value number'] === String(index + 1))
      expect(new Set(own.map((row) => row.Value))).toEqual(new Set([value.name]))
      const texts = (kind: string) => own.filter((row) => row.Row === kind).map((row) => row.Text)
      expect(texts('Definition')).toEqual([value.definition])
      if (index !== 2) {
        expect(texts('We do')).toEqual(value.weDo)
        expect(texts('We don’t')).toEqual(value.weDont)
      }
      expect(texts('Example story')).toEqual(value.examples)
    })
  })

  it('keeps commas, quotes, line breaks and accents, and defuses cells that look like formulas', () => {
    const ownership = rows.filter((row) => row['Value number'] === '3')
    expect(ownership[0]).toMatchObject({ Value: AWKWARD.name, Row: 'Definition', Text: AWKWARD.definition })
    expect(ownership.filter((row) => row.Row === 'We do').map((row) => row.Text)).toEqual([`'${AWKWARD.weDo}`, ...record.values[2]!.weDo.slice(1)])
    expect(ownership.filter((row) => row.Row === 'We don’t').map((row) => row.Text)[0]).toBe(`'${AWKWARD.weDont}`)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv).toContain('\r\n')
  })

  it('gives the consensus on each value’s definition row, blank where it was withheld', () => {
    const definitions = rows.filter((row) => row.Row === 'Definition')
    const consensus = (row: Record<string, string>) => [row['Consensus average (0-5)'], row['Consensus voters'], row['Flagged for rework']]
    expect(consensus(definitions[0]!)).toEqual(['4.0', '12', 'no'])
    expect(consensus(definitions[4]!)).toEqual(['2.5', '12', 'yes'])
    expect(consensus(definitions[6]!)).toEqual(['', '', ''])
    expect(consensus(definitions[8]!)).toEqual(['', '', ''])
  })
})
