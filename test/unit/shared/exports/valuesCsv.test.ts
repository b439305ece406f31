import { describe, expect, it } from 'vitest'
import { NOTES_CSV_COLUMNS, RANKING_CSV_COLUMNS, VALUES_CSV_COLUMNS, valuesCsv } from '../../../../shared/exports/valuesCsv'
import { AWKWARD, AWKWARD_NOTES, finalized, threeWayTie, twelveValueRecord, versionOneRecord, versionTwoRecord, withRanking } from '../../../exports/valuesFixtures'
import { keyedRows, readCsvTables, titledTable } from '../../../exports/readBack'

describe('valuesCsv, read back by csv-parse', () => {
  const record = twelveValueRecord()
  const csv = valuesCsv(finalized(record))
  const tables = readCsvTables(csv)
  const rows = keyedRows(tables[0]!)

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

  it('holds, below an empty row, a table of what the team wrote: one row per note with its cluster', () => {
    expect(tables).toHaveLength(3)
    const notesTable = titledTable(tables, 'What the team wrote')
    expect(tables[2]).toEqual([['What the team wrote'], ...notesTable])
    expect(notesTable[0]).toEqual([...NOTES_CSV_COLUMNS])
    const notes = keyedRows(notesTable)
    const expected = [
      ...record.clusters.flatMap(({ title: cluster, notes: texts }) => (texts.length > 0 ? texts.map((note) => ({ Cluster: cluster, Note: note })) : [{ Cluster: cluster, Note: '' }])),
      ...record.unsortedNotes.map((note) => ({ Cluster: 'Unsorted ideas', Note: note }))
    ]
    // A note that starts like a formula is defused, as in the values table.
    const defused = (note: string) => (note === AWKWARD_NOTES.formula ? `'${note}` : note)
    expect(notes).toEqual(expected.map((row) => ({ ...row, Note: defused(row.Note) })))
  })

  it('says, where the notes table would be, that a record finalized before notes were kept has none', () => {
    const old = readCsvTables(valuesCsv(finalized(versionOneRecord())))
    expect(keyedRows(old[0]!)).toEqual(rows)
    expect(old[2]).toEqual([['What the team wrote'], ['This record was finalized before Workshop Studio kept the brainstorm’s notes, so they are not in it.']])
  })

  it('holds, between the values and the notes, the dot vote’s ranking: one row per cluster with its rank, dots and tie', () => {
    const ranking = keyedRows(titledTable(tables, 'Ranking'))
    expect(Object.keys(ranking[0]!)).toEqual([...RANKING_CSV_COLUMNS])
    expect(ranking.map((row) => [row.Rank, row.Cluster, row.Dots, row.Tie])).toEqual(
      record.votes.ranking.map((place, index) => [String(index + 1), place.cluster, String(place.dots), ''])
    )
  })

  const rankingOf = (csv: string) => keyedRows(titledTable(readCsvTables(csv), 'Ranking')).map((row) => [row.Rank, row.Cluster, row.Tie])

  it('shows a tie as a tie: the tied places share their rank, and the Tie column says whether the facilitator kept it', () => {
    expect(rankingOf(valuesCsv(finalized(withRanking(threeWayTie('kept')))))).toEqual([
      ['1', 'Curiosity', 'tied, kept by the facilitator'],
      ['1', 'Ownership', 'tied, kept by the facilitator'],
      ['1', 'Respect', 'tied, kept by the facilitator'],
      ['4', 'Speed', '']
    ])
    expect(rankingOf(valuesCsv(finalized(versionTwoRecord(threeWayTie('kept'))))).map(([rank, , tie]) => [rank, tie])).toEqual([
      ['1', 'tied'],
      ['1', 'tied'],
      ['1', 'tied'],
      ['4', '']
    ])
  })

  it('shows a broken tie in the facilitator’s order, each place saying the facilitator broke it', () => {
    expect(rankingOf(valuesCsv(finalized(withRanking(threeWayTie('broken', ['Respect', 'Curiosity', 'Ownership'])))))).toEqual([
      ['1', 'Respect', 'tie broken by the facilitator'],
      ['2', 'Curiosity', 'tie broken by the facilitator'],
      ['3', 'Ownership', 'tie broken by the facilitator'],
      ['4', 'Speed', '']
    ])
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
