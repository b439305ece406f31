/**
 * Reads the picture exports back with consumers no one here wrote: SVG as XML with xmldom,
 * SVG rendered to pixels by resvg (with the DejaVu fonts the PNG export uses), PNG decoded
 * by pngjs, and the text of one region of a PDF page by poppler's pdftotext.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { Resvg } from '@resvg/resvg-js'
import { DOMParser, type Element } from '@xmldom/xmldom'
import { PNG } from 'pngjs'
import { dejavuFontPaths } from '../../electron/services/dejavuFonts'

export interface ReadSvg {
  root: Element
  /** Every element's local name, to show that no text turned into markup. */
  tags: string[]
  /** What the XML parser refused; empty for a well-formed document. */
  errors: string[]
  all: (name: string) => Element[]
}

/** The SVG as an XML parser reads it. */
export function readSvg(svg: string): ReadSvg {
  const errors: string[] = []
  // Warnings are guesses about the text (a U+FFFD hints at a wrong encoding), not faults of the XML.
  const onError = (level: 'warning' | 'error' | 'fatalError', message: string) => (level === 'warning' ? undefined : errors.push(`${level}: ${message}`))
  const document = new DOMParser({ onError }).parseFromString(svg, 'image/svg+xml')
  const root = document.documentElement!
  const all = (name: string) => Array.from(root.getElementsByTagName(name))
  return { root, tags: all('*').map((element) => element.localName!), errors, all }
}

/** The text a reader sees in an element: its text content, entities decoded. */
export const textOf = (element: Element) => element.textContent ?? ''

export interface Pixels {
  width: number
  height: number
  /** RGBA, row by row. */
  data: Uint8Array
}

/** The SVG drawn by resvg at `width` pixels, with DejaVu Sans loaded from its files and no system fonts. */
export function renderSvg(svg: string, width: number): Pixels {
  const fonts = dejavuFontPaths()
  const image = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [fonts.regular, fonts.bold], defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'width', value: width },
    background: '#ffffff'
  }).render()
  return { width: image.width, height: image.height, data: image.pixels }
}

/** The PNG as pngjs decodes it: its header's size and its pixels. */
export function readPng(bytes: Uint8Array): Pixels {
  const png = PNG.sync.read(Buffer.from(bytes))
  return { width: png.width, height: png.height, data: png.data }
}

/** How many pixels have each colour, as "#rrggbb" (alpha ignored). */
export function colourCounts(pixels: Pixels): Map<string, number> {
  const counts = new Map<number, number>()
  const { data } = pixels
  for (let offset = 0; offset < data.length; offset += 4) {
    const colour = (data[offset]! << 16) | (data[offset + 1]! << 8) | data[offset + 2]!
    counts.set(colour, (counts.get(colour) ?? 0) + 1)
  }
  return new Map(Array.from(counts, ([colour, count]) => [`#${colour.toString(16).padStart(6, '0')}`, count]))
}

/** How many pixels differ between two images of the same size. */
export function differingPixels(a: Pixels, b: Pixels): number {
  let count = 0
  for (let offset = 0; offset < a.data.length; offset += 4) {
    if (a.data[offset] !== b.data[offset] || a.data[offset + 1] !== b.data[offset + 1] || a.data[offset + 2] !== b.data[offset + 2]) count++
  }
  return count
}

const run = promisify(execFile)

/** The text pdftotext finds in one region of a page (1-based), given in points from the page's top left. */
export async function pdfTextIn(path: string, page: number, region: { x: number; y: number; width: number; height: number }): Promise<string> {
  const area = [region.x, region.y, region.width, region.height].map((value) => String(Math.round(value)))
  const { stdout } = await run(
    'pdftotext',
    ['-enc', 'UTF-8', '-r', '72', '-f', String(page), '-l', String(page), '-x', area[0]!, '-y', area[1]!, '-W', area[2]!, '-H', area[3]!, path, '-'],
    { encoding: 'utf8' }
  )
  return stdout
}
