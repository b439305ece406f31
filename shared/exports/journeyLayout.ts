/**
 * A finalized journey map laid out as one picture on A3 landscape, in points (1/72 inch):
 * the title, a row of journey stages, the emotion curve, then a row of notes per lane, and a
 * legend with the content hash. A size here is the size printed on A3, so no text is smaller
 * than 7 pt there.
 *
 * journeySvg.ts draws this layout as SVG (and journeyPng.ts renders that to PNG) and
 * journeyPdf.ts draws it with PDFKit, so every picture of a map shows the same notes in the
 * same places. Text is measured as DejaVu Sans sets it (textMetrics.ts), which both embed.
 *
 * A small map fills one A3 page. A big one grows taller, as far as its lanes fit on two A3
 * pages (the PDF breaks pages between lanes and repeats the stage names at the top); a lane
 * then gets the height its fullest cell needs, or a common cap if that is less, and a cell
 * shows the notes that fit, in the board's order, and "+ n more" for the rest.
 */
import type { NoteColour } from '../board'
import { EMOTION_SCALE } from '../emotions'
import { notesByCell, type EmotionResult, type FinalizedJourney, type JourneyNote, type JourneyVotePlace } from '../journeyRecord'
import { emotionSummary, formatRating, JOURNEY_LABELS, noteDetails, placesByNote, votePlaceShortText, withheldText } from './journeyText'
import { ASCENT, fitText, LINE_HEIGHT, textWidth, wrapText, type FontWeight, type TextStyle } from './textMetrics'
import { dotsText, formatTime, LABELS, participantCountText } from './valuesText'

/** 420 × 297 mm. */
export const A3_LANDSCAPE = { width: 1190.55, height: 841.89 } as const

/** A map takes at most this many A3 pages; past that, cells show what fits and count the rest. */
export const MAX_PAGES = 2

/** Around the map, and at the top and bottom of every PDF page. */
export const PAGE_MARGIN = 28

/** The sticky-note colours of the board (renderer/src/features/board/board.css). */
export const NOTE_PALETTE: Record<NoteColour, { fill: string; edge: string }> = {
  yellow: { fill: '#fff4b5', edge: '#e6d36b' },
  pink: { fill: '#ffdbe4', edge: '#eba3b5' },
  blue: { fill: '#d8e8ff', edge: '#9dbcea' },
  green: { fill: '#d7f2de', edge: '#95cfa4' },
  orange: { fill: '#ffe2c6', edge: '#ebb27c' },
  purple: { fill: '#e8defd', edge: '#b9a4ea' }
}

/** The app's own colours (renderer/src/styles.css). */
const COLOURS = {
  text: '#1d2733',
  muted: '#5b6776',
  line: '#dde2e8',
  lineStrong: '#c3cad4',
  accent: '#2a56c6',
  accentSoft: '#eaf0fd',
  laneLabel: '#f5f6f8',
  paper: '#ffffff'
} as const

/** Points. The smallest, 7 pt, is still comfortable to read on paper. */
export const FONT_SIZES = {
  eyebrow: 8,
  title: 20,
  prompt: 11,
  meta: 8,
  stage: 10,
  lane: 9,
  note: 8,
  noteDetail: 7,
  curve: 7.5,
  more: 7.5,
  footer: 7
} as const

const MARGIN = PAGE_MARGIN
const LANE_LABEL_WIDTH = 106
const LABEL_PADDING = 6
const CELL_PADDING = 5
const NOTE_GAP = 4
const NOTE_PADDING = { x: 5, y: 4 }
/** A note longer than this ends in "…" on the map; the Markdown and CSV exports hold it whole. */
const NOTE_MAX_LINES = 8
const CURVE_HEIGHT = 120
const MIN_LANE_HEIGHT = 40
/** Sums of rounded heights may miss a page's room by a hair: that still fits. */
const TOLERANCE = 0.01

const style = (size: number, weight: FontWeight = 'regular'): TextStyle => ({ size, weight })
const lineHeight = (size: number) => size * LINE_HEIGHT

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export interface TextItem {
  kind: 'text'
  x: number
  /** The baseline. */
  y: number
  text: string
  size: number
  weight: FontWeight
  colour: string
  anchor: 'start' | 'middle' | 'end'
}

export interface RectItem extends Box {
  kind: 'rect'
  fill: string | null
  stroke?: string
  strokeWidth?: number
  radius?: number
  dashed?: boolean
}

export interface CircleItem {
  kind: 'circle'
  x: number
  y: number
  radius: number
  fill: string
  stroke?: string
  strokeWidth?: number
}

export interface PathItem {
  kind: 'path'
  points: Array<readonly [number, number]>
  closed: boolean
  fill: string | null
  fillOpacity?: number
  stroke?: string
  strokeWidth?: number
}

/** Items drawn together and read as one thing, such as a note; `label` says what it is in words. */
export interface GroupItem {
  kind: 'group'
  label: string
  items: Item[]
}

export type Item = TextItem | RectItem | CircleItem | PathItem | GroupItem

/** A horizontal strip of the map: a page break may fall between bands, never inside one. */
export interface Band {
  kind: 'header' | 'stages' | 'emotions' | 'lane' | 'footer'
  top: number
  height: number
  items: Item[]
}

export interface PlacedNote {
  id: string
  box: Box
  lines: string[]
}

export interface Cell {
  stageId: string
  laneId: string
  box: Box
  notes: PlacedNote[]
  /** Notes of this cell that did not fit, counted by the "+ n more" line. */
  hidden: number
}

export interface JourneyLayout {
  width: number
  height: number
  bands: Band[]
  cells: Cell[]
  /** Repeated at the top of each further PDF page. */
  stageRow: Band
}

const text = (x: number, y: number, value: string, textStyle: TextStyle, colour: string, anchor: TextItem['anchor'] = 'start'): TextItem => ({
  kind: 'text',
  x,
  y,
  text: value,
  size: textStyle.size,
  weight: textStyle.weight,
  colour,
  anchor
})

/** Lines set from `top` down; returns the items and the height they take. */
function textBlock(lines: string[], x: number, top: number, textStyle: TextStyle, colour: string, anchor: TextItem['anchor'] = 'start') {
  const items = lines.map((line, index) => text(x, top + textStyle.size * ASCENT + index * lineHeight(textStyle.size), line, textStyle, colour, anchor))
  return { items, height: lines.length * lineHeight(textStyle.size) }
}

const diamond = (x: number, y: number, half: number): PathItem => ({
  kind: 'path',
  points: [
    [x, y - half],
    [x + half, y],
    [x, y + half],
    [x - half, y]
  ],
  closed: true,
  fill: COLOURS.accent
})

/** Where the columns of the journey stages lie. */
interface Grid {
  left: number
  columnWidth: number
  right: number
}

function header(finalized: FinalizedJourney, width: number): Band {
  const contentWidth = width - 2 * MARGIN
  const items: Item[] = []
  let y = MARGIN
  const add = (block: { items: Item[]; height: number }, gapAfter: number) => {
    items.push(...block.items)
    y += block.height + gapAfter
  }
  add(textBlock([JOURNEY_LABELS.pageTitle.toUpperCase()], MARGIN, y, style(FONT_SIZES.eyebrow, 'bold'), COLOURS.accent), 2)
  add(textBlock(wrapText(finalized.title, style(FONT_SIZES.title, 'bold'), contentWidth, 2).lines, MARGIN, y, style(FONT_SIZES.title, 'bold'), COLOURS.text), 3)
  if (finalized.prompt.trim()) {
    const prompt = wrapText(finalized.prompt.trim(), style(FONT_SIZES.prompt), contentWidth, 2).lines
    add(textBlock(prompt, MARGIN, y, style(FONT_SIZES.prompt), COLOURS.muted), 3)
  }
  const people = `${participantCountText(finalized)}${finalized.anonymous ? ', anonymous' : ''}`
  const meta = `${LABELS.finalized} ${formatTime(finalized.finalizedAt)} · ${people}`
  add(textBlock([fitText(meta, style(FONT_SIZES.meta), contentWidth)], MARGIN, y, style(FONT_SIZES.meta), COLOURS.muted), 12)
  return { kind: 'header', top: 0, height: y, items }
}

function stageRow(finalized: FinalizedJourney, grid: Grid, top: number): Band {
  const labelStyle = style(FONT_SIZES.stage, 'bold')
  const labels = finalized.stages.map((stage) => wrapText(stage.name, labelStyle, grid.columnWidth - 2 * LABEL_PADDING, 3).lines)
  const height = Math.max(26, Math.max(...labels.map((lines) => lines.length)) * lineHeight(labelStyle.size) + 2 * LABEL_PADDING)
  const items: Item[] = [{ kind: 'rect', x: grid.left, y: top, width: grid.right - grid.left, height, fill: COLOURS.accentSoft }]
  labels.forEach((lines, index) => {
    const x = grid.left + index * grid.columnWidth
    if (index > 0) items.push({ kind: 'rect', x, y: top, width: 1, height, fill: COLOURS.paper })
    items.push(...textBlock(lines, x + LABEL_PADDING, top + LABEL_PADDING, labelStyle, COLOURS.text).items)
  })
  return { kind: 'stages', top, height, items }
}

/** Consecutive stages that have a median: the curve is drawn through each run and broken between runs. */
function runs(results: EmotionResult[]): number[][] {
  const found: number[][] = []
  results.forEach((result, index) => {
    if (result.median === null) return
    const last = found.at(-1)
    if (last && last.at(-1) === index - 1) last.push(index)
    else found.push([index])
  })
  return found
}

function emotionBand(finalized: FinalizedJourney, grid: Grid, top: number): Band {
  const { minGroup, stages: results } = finalized.emotions
  const plotTop = top + 12
  const plotBottom = top + CURVE_HEIGHT - 24
  const yOf = (rating: number) => plotBottom - ((rating - EMOTION_SCALE.min) / (EMOTION_SCALE.max - EMOTION_SCALE.min)) * (plotBottom - plotTop)
  const xOf = (index: number) => grid.left + (index + 0.5) * grid.columnWidth
  const curveStyle = style(FONT_SIZES.curve)
  const items: Item[] = []

  const titleStyle = style(FONT_SIZES.lane, 'bold')
  const labelWidth = LANE_LABEL_WIDTH - 2 * LABEL_PADDING - 14
  const title = textBlock([JOURNEY_LABELS.emotionCurve], MARGIN + LABEL_PADDING, top + LABEL_PADDING, titleStyle, COLOURS.text)
  const scale = `Median and middle half of the ratings, ${formatRating(EMOTION_SCALE.min)} ${JOURNEY_LABELS.veryNegative} to ${formatRating(EMOTION_SCALE.max)} ${JOURNEY_LABELS.veryPositive}`
  const explanation = textBlock(
    wrapText(scale, style(FONT_SIZES.footer), labelWidth, 6).lines,
    MARGIN + LABEL_PADDING,
    top + LABEL_PADDING + title.height + 3,
    style(FONT_SIZES.footer),
    COLOURS.muted
  )
  items.push({ kind: 'rect', x: MARGIN, y: top, width: LANE_LABEL_WIDTH, height: CURVE_HEIGHT, fill: COLOURS.laneLabel }, ...title.items, ...explanation.items)

  for (let rating: number = EMOTION_SCALE.min; rating <= EMOTION_SCALE.max; rating++) {
    const y = yOf(rating)
    items.push(
      { kind: 'path', points: [[grid.left, y], [grid.right, y]], closed: false, fill: null, stroke: rating === 0 ? COLOURS.lineStrong : COLOURS.line, strokeWidth: rating === 0 ? 1 : 0.6 },
      text(grid.left - 4, y + FONT_SIZES.footer * 0.35, formatRating(rating), style(FONT_SIZES.footer), COLOURS.muted, 'end')
    )
  }

  results.forEach((result, index) => {
    const x = grid.left + index * grid.columnWidth
    if (result.median === null) {
      items.push({ kind: 'rect', x: x + 4, y: plotTop, width: grid.columnWidth - 8, height: plotBottom - plotTop, fill: COLOURS.laneLabel, stroke: COLOURS.lineStrong, strokeWidth: 0.6, dashed: true })
      const lines = wrapText(withheldText(result, minGroup), curveStyle, grid.columnWidth - 12, 3).lines
      const blockHeight = lines.length * lineHeight(curveStyle.size)
      items.push(...textBlock(lines, xOf(index), (plotTop + plotBottom - blockHeight) / 2, curveStyle, COLOURS.muted, 'middle').items)
      return
    }
    // Just the median where a narrow column has no room for "median +1, 9 ratings".
    const summary = [emotionSummary(result, minGroup), formatRating(result.median)].find((words) => textWidth(words, curveStyle) <= grid.columnWidth - 6)
    items.push(text(xOf(index), plotBottom + 15, summary ?? formatRating(result.median), curveStyle, COLOURS.muted, 'middle'))
  })

  /** How far the band reaches past the first and last marker of a run, so even a lone stage shows its spread. */
  const cap = Math.min(10, grid.columnWidth / 4)
  for (const run of runs(results)) {
    const spreads = run.map((index) => results[index]!.spread!)
    const xs = run.map(xOf)
    const upper = xs.map((x, i) => [x, yOf(spreads[i]!.high)] as const)
    const lower = xs.map((x, i) => [x, yOf(spreads[i]!.low)] as const).reverse()
    items.push({
      kind: 'path',
      points: [[xs[0]! - cap, upper[0]![1]], ...upper, [xs.at(-1)! + cap, upper.at(-1)![1]], [xs.at(-1)! + cap, lower[0]![1]], ...lower, [xs[0]! - cap, lower.at(-1)![1]]],
      closed: true,
      fill: COLOURS.accent,
      fillOpacity: 0.16
    })
    if (run.length > 1) {
      items.push({ kind: 'path', points: run.map((index) => [xOf(index), yOf(results[index]!.median!)] as const), closed: false, fill: null, stroke: COLOURS.accent, strokeWidth: 2 })
    }
    for (const index of run) items.push({ kind: 'circle', x: xOf(index), y: yOf(results[index]!.median!), radius: 3.5, fill: COLOURS.accent, stroke: COLOURS.paper, strokeWidth: 1.5 })
  }
  items.push({ kind: 'path', points: [[MARGIN, top + CURVE_HEIGHT], [grid.right, top + CURVE_HEIGHT]], closed: false, fill: null, stroke: COLOURS.lineStrong, strokeWidth: 0.75 })
  return { kind: 'emotions', top, height: CURVE_HEIGHT, items }
}

/** A note as it will be drawn: its wrapped text and, below it, its dots and linked value. */
interface NoteFace {
  note: JourneyNote
  /** Its place in the dot vote, if its lane was voted on. */
  place: JourneyVotePlace | undefined
  lines: string[]
  hasDetails: boolean
  height: number
}

const detailsHeight = lineHeight(FONT_SIZES.noteDetail) + 2

function noteFace(note: JourneyNote, place: JourneyVotePlace | undefined, width: number, maxLines = NOTE_MAX_LINES): NoteFace {
  const lines = wrapText(note.text, style(FONT_SIZES.note), width - 2 * NOTE_PADDING.x, maxLines).lines
  const hasDetails = note.votes !== null || note.linkedValue !== null
  const height = 2 * NOTE_PADDING.y + lines.length * lineHeight(FONT_SIZES.note) + (hasDetails ? detailsHeight : 0)
  return { note, place, lines, hasDetails, height }
}

const stackHeight = (faces: NoteFace[]) => 2 * CELL_PADDING + faces.reduce((sum, face, index) => sum + face.height + (index > 0 ? NOTE_GAP : 0), 0)

function noteItems(face: NoteFace, box: Box): GroupItem {
  const { note, place } = face
  const colours = NOTE_PALETTE[note.colour]
  const items: Item[] = [{ kind: 'rect', ...box, fill: colours.fill, stroke: colours.edge, strokeWidth: 0.75, radius: 3 }]
  items.push(...textBlock(face.lines, box.x + NOTE_PADDING.x, box.y + NOTE_PADDING.y, style(FONT_SIZES.note), COLOURS.text).items)
  if (face.hasDetails) {
    const detailStyle = style(FONT_SIZES.noteDetail)
    const baseline = box.y + box.height - NOTE_PADDING.y - lineHeight(detailStyle.size) + detailStyle.size * ASCENT + 1
    const middle = baseline - detailStyle.size * 0.32
    let x = box.x + NOTE_PADDING.x
    const right = box.x + box.width - NOTE_PADDING.x
    if (note.votes !== null) {
      // Short, so that a linked value still fits beside it; the note's description has the tie in words.
      const dots = fitText(place ? votePlaceShortText(place) : dotsText(note.votes), detailStyle, right - x - 7)
      items.push({ kind: 'circle', x: x + 2.5, y: middle, radius: 2.5, fill: COLOURS.text }, text(x + 7, baseline, dots, detailStyle, COLOURS.text))
      x += 7 + textWidth(dots, detailStyle) + 6
    }
    if (note.linkedValue && right - x > 14) {
      items.push(diamond(x + 3, middle, 3), text(x + 8, baseline, fitText(note.linkedValue.name, detailStyle, right - x - 8), detailStyle, COLOURS.accent))
    }
  }
  return { kind: 'group', label: [note.text, ...noteDetails(note, place)].join(' · '), items }
}

/**
 * The notes that fit in `height`, top down in board order, leaving room for "+ n more" when
 * some do not, and the height they take with that line. A first note too tall for the cell
 * is cut to the lines that fit, so that no cell that has notes shows none.
 */
function fitNotes(faces: NoteFace[], height: number, width: number): { shown: NoteFace[]; used: number } {
  const room = height - 2 * CELL_PADDING
  const moreLine = lineHeight(FONT_SIZES.more) + NOTE_GAP
  const shown: NoteFace[] = []
  let used = 0
  for (const [index, face] of faces.entries()) {
    const below = index === faces.length - 1 ? 0 : moreLine
    const next = used + (index > 0 ? NOTE_GAP : 0) + face.height
    if (next + below <= room) {
      shown.push(face)
      used = next
      continue
    }
    const linesThatFit = Math.floor((room - below - 2 * NOTE_PADDING.y - (face.hasDetails ? detailsHeight : 0)) / lineHeight(FONT_SIZES.note))
    if (index === 0 && linesThatFit >= 1) {
      const cut = noteFace(face.note, face.place, width, linesThatFit)
      shown.push(cut)
      used = cut.height
    }
    return { shown, used: 2 * CELL_PADDING + used + (shown.length < faces.length ? moreLine : 0) }
  }
  return { shown, used: 2 * CELL_PADDING + used }
}

/** Room for lanes on A3 pages: below the map's head on the first, below the repeated stage names on the others, less the footer on the last. */
interface PageRooms {
  first: number
  later: number
  footer: number
}

/** The pages lanes of these heights take, filled in order, each lane on one page, with the footer after them. */
function pageCount(heights: number[], pages: PageRooms): number {
  let count = 1
  let room = pages.first
  for (const height of heights) {
    if (height > room + TOLERANCE) {
      count++
      room = pages.later
    }
    room -= height
  }
  return room + TOLERANCE >= pages.footer ? count : count + 1
}

/**
 * Lane heights under the highest common cap that still fits: every lane gets what it wants
 * up to the cap, cut to the notes it then shows.
 */
function cappedHeights(heightsUnder: (cap: number) => number[], highest: number, fits: (heights: number[]) => boolean): number[] {
  let low = 0
  let high = highest
  for (let step = 0; step < 30; step++) {
    const cap = (low + high) / 2
    if (fits(heightsUnder(cap))) low = cap
    else high = cap
  }
  return heightsUnder(low)
}

function laneLabel(name: string, voted: boolean, top: number) {
  const labelStyle = style(FONT_SIZES.lane, 'bold')
  const name_ = textBlock(wrapText(name, labelStyle, LANE_LABEL_WIDTH - 2 * LABEL_PADDING).lines, MARGIN + LABEL_PADDING, top + LABEL_PADDING, labelStyle, COLOURS.text)
  const items: Item[] = [...name_.items]
  let height = name_.height + 2 * LABEL_PADDING
  if (voted) {
    const voteStyle = style(FONT_SIZES.noteDetail)
    const baseline = top + LABEL_PADDING + name_.height + 3 + voteStyle.size * ASCENT
    items.push(
      { kind: 'circle', x: MARGIN + LABEL_PADDING + 2.5, y: baseline - voteStyle.size * 0.32, radius: 2.5, fill: COLOURS.text },
      text(MARGIN + LABEL_PADDING + 7, baseline, JOURNEY_LABELS.dotVote.toLowerCase(), voteStyle, COLOURS.muted)
    )
    height += lineHeight(voteStyle.size) + 3
  }
  return { items, height }
}

function footer(finalized: FinalizedJourney, width: number, top: number, hidden: number): Band {
  const footerStyle = style(FONT_SIZES.footer)
  const baseline = top + 10 + footerStyle.size * ASCENT
  const middle = baseline - footerStyle.size * 0.32
  let x = MARGIN
  const items: Item[] = []
  const legend = (marker: Item, words: string) => {
    items.push(marker, text(x + 8, baseline, words, footerStyle, COLOURS.muted))
    x += 8 + textWidth(words, footerStyle) + 16
  }
  legend({ kind: 'circle', x: x + 2.5, y: middle, radius: 2.5, fill: COLOURS.text }, 'Dots and rank in the dot vote (“=5”: tied with other notes)')
  legend(diamond(x + 3, middle, 3), 'Lives a value from a finalized core-values workshop')
  if (hidden > 0) {
    legend(text(x + 3, baseline, '+', style(FONT_SIZES.footer, 'bold'), COLOURS.muted, 'middle'), `${hidden} notes did not fit in their cells. ${JOURNEY_LABELS.everyNote}`)
  }
  const hash = `${LABELS.contentHash} (SHA-256): ${finalized.contentHash}`
  items.push(text(MARGIN, baseline + lineHeight(footerStyle.size) + 2, fitText(hash, footerStyle, width - 2 * MARGIN), footerStyle, COLOURS.muted))
  return { kind: 'footer', top, height: 10 + 2 * lineHeight(footerStyle.size) + 2 + MARGIN, items }
}

export function layoutJourney(finalized: FinalizedJourney): JourneyLayout {
  const width = A3_LANDSCAPE.width
  const left = MARGIN + LANE_LABEL_WIDTH
  const grid: Grid = { left, right: width - MARGIN, columnWidth: (width - MARGIN - left) / finalized.stages.length }
  const noteWidth = grid.columnWidth - 2 * CELL_PADDING
  const cells = notesByCell(finalized)
  const votedLanes = new Set(finalized.votes.laneIds)

  const head = header(finalized, width)
  const stages = stageRow(finalized, grid, head.height)
  const emotions = emotionBand(finalized, grid, stages.top + stages.height)
  const lanesTop = emotions.top + emotions.height

  const places = placesByNote(finalized)
  const faces = cells.map((stage) => stage.map((notes) => notes.map((note) => noteFace(note, places.get(note.id), noteWidth))))
  const labels = finalized.lanes.map((lane) => laneLabel(lane.name, votedLanes.has(lane.id), 0))
  const wanted = finalized.lanes.map((_, lane) => Math.max(...faces.map((stage) => stackHeight(stage[lane]!))))
  const minimum = labels.map((label) => Math.max(MIN_LANE_HEIGHT, label.height))
  // The footer's height does not depend on where it sits or on what it counts.
  const footerHeight = footer(finalized, width, 0, 0).height
  const pages: PageRooms = {
    first: A3_LANDSCAPE.height - MARGIN - lanesTop,
    later: A3_LANDSCAPE.height - MARGIN - (MARGIN + stages.height),
    footer: footerHeight - MARGIN
  }
  const onePage = pages.first - pages.footer
  const totalWanted = wanted.reduce((sum, want, lane) => sum + Math.max(want, minimum[lane]!), 0)
  const heights =
    totalWanted <= onePage
      ? wanted.map((want, lane) => Math.max(want, minimum[lane]!) + (onePage - totalWanted) / finalized.lanes.length)
      : cappedHeights(
          (cap) =>
            wanted.map((want, lane) => {
              // A lane never outgrows a page below the repeated row of stage names.
              const height = Math.max(minimum[lane]!, Math.min(want, cap, pages.later))
              return Math.min(height, Math.max(minimum[lane]!, ...faces.map((stage) => fitNotes(stage[lane]!, height, noteWidth).used)))
            }),
          Math.max(...wanted),
          (heights) => pageCount(heights, pages) <= MAX_PAGES
        )

  const laneBands: Band[] = []
  const placed: Cell[] = []
  let top = lanesTop
  let hiddenInAll = 0
  finalized.lanes.forEach((lane, laneIndex) => {
    const height = heights[laneIndex]!
    const items: Item[] = [{ kind: 'rect', x: MARGIN, y: top, width: LANE_LABEL_WIDTH, height, fill: COLOURS.laneLabel }]
    items.push(...laneLabel(lane.name, votedLanes.has(lane.id), top).items)
    finalized.stages.forEach((stage, stageIndex) => {
      const box: Box = { x: grid.left + stageIndex * grid.columnWidth, y: top, width: grid.columnWidth, height }
      const cellFaces = faces[stageIndex]![laneIndex]!
      const { shown } = fitNotes(cellFaces, height, noteWidth)
      const notes: PlacedNote[] = []
      let y = top + CELL_PADDING
      items.push({ kind: 'rect', ...box, fill: COLOURS.paper, stroke: COLOURS.line, strokeWidth: 0.75 })
      for (const face of shown) {
        const noteBox: Box = { x: box.x + CELL_PADDING, y, width: noteWidth, height: face.height }
        items.push(noteItems(face, noteBox))
        notes.push({ id: face.note.id, box: noteBox, lines: face.lines })
        y += face.height + NOTE_GAP
      }
      const hidden = cellFaces.length - shown.length
      if (hidden > 0) {
        const moreStyle = style(FONT_SIZES.more, 'bold')
        // "+19" where a narrow column has no room for "+ 19 more".
        const more = [`+ ${hidden} more`, `+${hidden}`].find((words) => textWidth(words, moreStyle) <= noteWidth - 2) ?? `+${hidden}`
        items.push(text(box.x + CELL_PADDING + 2, y + moreStyle.size * ASCENT + 1, more, moreStyle, COLOURS.muted))
      }
      hiddenInAll += hidden
      placed.push({ stageId: stage.id, laneId: lane.id, box, notes, hidden })
    })
    laneBands.push({ kind: 'lane', top, height, items })
    top += height
  })

  const foot = footer(finalized, width, top, hiddenInAll)
  return {
    width,
    height: Math.max(A3_LANDSCAPE.height, foot.top + foot.height),
    bands: [head, stages, emotions, ...laneBands, foot],
    cells: placed,
    stageRow: stages
  }
}

/** A band on a PDF page, drawn `shift` points lower (or higher) than in the layout. */
export interface PlacedBand {
  band: Band
  shift: number
}

/**
 * The map on A3 pages, as `pageCount` plans them: bands in order, and a new page, under the
 * repeated row of stage names, whenever the next band would cross the bottom margin (the
 * footer brings its own).
 */
export function pagesOf(layout: JourneyLayout): PlacedBand[][] {
  const pages: PlacedBand[][] = [[]]
  let shift = 0
  for (const band of layout.bands) {
    const limit = A3_LANDSCAPE.height - (band.kind === 'footer' ? 0 : PAGE_MARGIN)
    if (band.top + band.height + shift > limit + TOLERANCE) {
      pages.push([{ band: layout.stageRow, shift: PAGE_MARGIN - layout.stageRow.top }])
      shift = PAGE_MARGIN + layout.stageRow.height - band.top
    }
    pages.at(-1)!.push({ band, shift })
  }
  return pages
}
