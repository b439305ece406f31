/**
 * A finalized journey map as a PNG image: the SVG export rendered by resvg, with DejaVu
 * Sans loaded from its files and no system fonts, so the image comes out the same on every
 * machine and its text fits the layout measured for DejaVu.
 *
 * 200 dpi at A3 width (3307 px) draws 7 pt text about 19 px high, crisp on paper at arm's
 * length. Measured on a full map (960 notes, 3307 × 3872 px): laying out the text dominates,
 * so 200 dpi takes about 1 s against 0.85 s at 150 dpi (1.8 MB against 1.2 MB), while 300 dpi
 * takes 1.45 s and 2.8 MB, and its PNG encoding, which runs on the calling thread, 0.5 s
 * instead of 0.2 s, for no gain a reader can see.
 */
import { renderAsync } from '@resvg/resvg-js'
import { journeySvg } from '../../shared/exports/journeySvg'
import type { FinalizedJourney } from '../../shared/journeyRecord'
import { dejavuFontPaths } from './dejavuFonts'

export const JOURNEY_PNG_DPI = 200
const A3_WIDTH_INCHES = 420 / 25.4

/** Rendered on a libuv worker thread, so the main process stays responsive meanwhile; only the PNG encoding runs on it. */
export async function journeyPng(finalized: FinalizedJourney): Promise<Uint8Array> {
  const fonts = dejavuFontPaths()
  const image = await renderAsync(journeySvg(finalized), {
    font: { loadSystemFonts: false, fontFiles: [fonts.regular, fonts.bold], defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    fitTo: { mode: 'width', value: Math.round(A3_WIDTH_INCHES * JOURNEY_PNG_DPI) },
    background: '#ffffff',
    logLevel: 'off'
  })
  return image.asPng()
}
