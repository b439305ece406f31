import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  A3_LANDSCAPE,
  layoutJourney,
  MAX_PAGES,
  NOTE_PALETTE,
  PAGE_MARGIN,
  pagesOf,
  type Box,
  type Item,
  type JourneyLayout,
  type TextItem
} from '../../../../shared/exports/journeyLayout'
import { textWidth } from '../../../../shared/exports/textMetrics'
import { NOTE_COLOURS } from '../../../../shared/board'
import type { JourneyRecord } from '../../../../shared/journeyRecord'
import { finalizedJourney, fullJourneyRecord, smallJourneyRecord } from '../../../exports/journeyFixtures'

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.01 &&
  inner.y >= outer.y - 0.01 &&
  inner.x + inner.width <= outer.x + outer.width + 0.01 &&
  inner.y + inner.height <= outer.y + outer.height + 0.01

/** Boxes that share more than an edge (to a hundredth of a point). */
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.01 && b.x < a.x + a.width - 0.01 && a.y < b.y + b.height - 0.01 && b.y < a.y + a.height - 0.01

const flatten = (items: Item[]): Item[] => items.flatMap((item) => (item.kind === 'group' ? flatten(item.items) : [item]))
const texts = (layout: JourneyLayout) => layout.bands.flatMap((band) => flatten(band.items)).filter((item): item is TextItem => item.kind === 'text')

/** What a reader can check on the printed map: notes sit in their own cell, apart, with their text inside them. */
function expectTidy(layout: JourneyLayout, record: JourneyRecord) {
  const problems: string[] = []
  for (const cell of layout.cells) {
    const own = record.notes.filter((note) => note.stageId === cell.stageId && note.laneId === cell.laneId)
    const where = `${cell.stageId}/${cell.laneId}`
    if (cell.notes.map((note) => note.id).join() !== own.slice(0, cell.notes.length).map((note) => note.id).join()) problems.push(`${where} changes the board's order`)
    if (cell.notes.length + cell.hidden !== own.length) problems.push(`${where} loses count of its notes`)
    cell.notes.forEach((placed, index) => {
      if (!inside(placed.box, cell.box)) problems.push(`${placed.id} sticks out of its cell`)
      for (const other of cell.notes.slice(index + 1)) if (overlap(placed.box, other.box)) problems.push(`${placed.id} overlaps ${other.id}`)
      for (const line of placed.lines) {
        if (textWidth(line, { size: 8, weight: 'regular' }) > placed.box.width - 10) problems.push(`${placed.id}: “${line}” is wider than its note`)
      }
    })
  }
  for (const [index, cell] of layout.cells.entries()) {
    for (const other of layout.cells.slice(index + 1)) if (overlap(cell.box, other.box)) problems.push(`cells ${cell.stageId}/${cell.laneId} and ${other.stageId}/${other.laneId} overlap`)
  }
  expect(problems).toEqual([])
  // 7 pt on A3 is the smallest text that still reads comfortably on paper.
  expect(Math.min(...texts(layout).map((text) => text.size))).toBeGreaterThanOrEqual(7)
}

describe('layoutJourney', () => {
  it('fits a small map on one A3 landscape page, every note in full', () => {
    const record = smallJourneyRecord()
    const layout = layoutJourney(finalizedJourney(record))
    expect(layout).toMatchObject({ width: A3_LANDSCAPE.width, height: A3_LANDSCAPE.height })
    expect(layout.cells.every((cell) => cell.hidden === 0)).toBe(true)
    expect(layout.cells.flatMap((cell) => cell.notes)).toHaveLength(record.notes.length)
    expectTidy(layout, record)
    expect(pagesOf(layout)).toHaveLength(1)
  })

  it('grows a full map to two A3 pages and counts what does not fit as “+ n more”', () => {
    const record = fullJourneyRecord()
    const layout = layoutJourney(finalizedJourney(record))
    expect(layout.height).toBeGreaterThan(A3_LANDSCAPE.height)
    expect(layout.height).toBeLessThanOrEqual(MAX_PAGES * A3_LANDSCAPE.height)
    expectTidy(layout, record)
    const hidden = layout.cells.reduce((sum, cell) => sum + cell.hidden, 0)
    expect(hidden).toBeGreaterThan(0)
    expect(layout.cells.every((cell) => cell.notes.length >= 3)).toBe(true)
    const lines = texts(layout).map((text) => text.text)
    for (const cell of layout.cells) if (cell.hidden > 0) expect(lines).toContain(`+ ${cell.hidden} more`)
    expect(lines.some((line) => line.startsWith(`${hidden} notes did not fit in their cells.`))).toBe(true)
  })

  it('breaks pages only between lanes, within the margins, with the stage names on top of every page', () => {
    const layout = layoutJourney(finalizedJourney(fullJourneyRecord()))
    const pages = pagesOf(layout)
    expect(pages).toHaveLength(MAX_PAGES)
    for (const [index, page] of pages.entries()) {
      expect(page.some(({ band }) => band.kind === 'stages')).toBe(true)
      for (const { band, shift } of page) {
        expect(band.top + shift).toBeGreaterThanOrEqual(index === 0 ? 0 : PAGE_MARGIN)
        expect(band.top + band.height + shift).toBeLessThanOrEqual(A3_LANDSCAPE.height - (band.kind === 'footer' ? 0 : PAGE_MARGIN) + 0.01)
      }
    }
    expect(pages.flat().filter(({ band }) => band.kind === 'lane')).toHaveLength(6)
  })

  it('keeps the largest map a record may hold tidy: 20 stages, 12 lanes, long names and notes', () => {
    const base = fullJourneyRecord()
    const long = (n: number) => `Rather long name number ${n} that wraps`.padEnd(80, ' x')
    const record: JourneyRecord = {
      ...base,
      stages: Array.from({ length: 20 }, (_, index) => ({ id: `s${index}`, name: long(index) })),
      lanes: Array.from({ length: 12 }, (_, index) => ({ id: `l${index}`, name: long(index), kind: null })),
      notes: Array.from({ length: 20 * 12 * 20 }, (_, index) => ({
        id: `n${index}`,
        stageId: `s${index % 20}`,
        laneId: `l${Math.floor(index / 20) % 12}`,
        text: `${'Unbreakablewordthatgoesonandon'.repeat(index % 3)} note ${index} `.repeat(6).trim(),
        colour: NOTE_COLOURS[index % NOTE_COLOURS.length]!,
        votes: null,
        linkedValue: null
      })),
      votes: { ...base.votes, laneIds: [] },
      emotions: {
        minGroup: 3,
        stages: Array.from({ length: 20 }, (_, index) => ({ stageId: `s${index}`, raters: 0, median: null, spread: null }))
      }
    }
    const layout = layoutJourney(finalizedJourney(record))
    expectTidy(layout, record)
    expect(pagesOf(layout).length).toBeLessThanOrEqual(MAX_PAGES)
    // A note too tall for its lane is cut short rather than left out.
    expect(layout.cells.filter((cell) => cell.notes.length === 0)).toEqual([])
  })

  it('paints notes in the board’s own colours', () => {
    const css = readFileSync(new URL('../../../../renderer/src/features/board/board.css', import.meta.url), 'utf8')
    for (const colour of NOTE_COLOURS) {
      const rule = new RegExp(`\\.note--${colour},[^{]*\\{\\s*--note-bg: (#[0-9a-f]{6});\\s*--note-edge: (#[0-9a-f]{6});`).exec(css)
      expect(rule, colour).not.toBeNull()
      expect(NOTE_PALETTE[colour]).toEqual({ fill: rule![1], edge: rule![2] })
    }
  })
})
