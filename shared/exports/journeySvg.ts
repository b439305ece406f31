/**
 * A finalized journey map as one standalone SVG image, A3 landscape (taller for a big map),
 * drawn from journeyLayout.ts. Everything is inline: no fonts, images or links to load.
 * Text is set in DejaVu Sans where the viewer has it (the PNG export loads it), and every
 * piece of text people typed is escaped for XML.
 */
import type { FinalizedJourney } from '../journeyRecord'
import { layoutJourney, type Item } from './journeyLayout'
import { JOURNEY_LABELS } from './journeyText'
import { FONT_FAMILY, printable } from './textMetrics'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** Text as XML: safe in element content and in quoted attribute values, with no character XML forbids. */
const escapeXml = (value: string) => printable(value).replace(/[&<>"']/g, (char) => ESCAPES[char]!)

/** Coordinates to a hundredth of a point: finer than any printer, and a smaller file. */
const n = (value: number) => String(Math.round(value * 100) / 100)

const ANCHORS = { start: '', middle: ' text-anchor="middle"', end: ' text-anchor="end"' } as const

function draw(item: Item): string {
  switch (item.kind) {
    case 'text':
      return `<text x="${n(item.x)}" y="${n(item.y)}" font-size="${n(item.size)}"${item.weight === 'bold' ? ' font-weight="bold"' : ''} fill="${item.colour}"${ANCHORS[item.anchor]}>${escapeXml(item.text)}</text>`
    case 'rect': {
      const stroke = item.stroke ? ` stroke="${item.stroke}" stroke-width="${n(item.strokeWidth ?? 1)}"${item.dashed ? ' stroke-dasharray="3 2"' : ''}` : ''
      const radius = item.radius ? ` rx="${n(item.radius)}"` : ''
      return `<rect x="${n(item.x)}" y="${n(item.y)}" width="${n(item.width)}" height="${n(item.height)}"${radius} fill="${item.fill ?? 'none'}"${stroke}/>`
    }
    case 'circle': {
      const stroke = item.stroke ? ` stroke="${item.stroke}" stroke-width="${n(item.strokeWidth ?? 1)}"` : ''
      return `<circle cx="${n(item.x)}" cy="${n(item.y)}" r="${n(item.radius)}" fill="${item.fill}"${stroke}/>`
    }
    case 'path': {
      const points = item.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')
      const opacity = item.fillOpacity === undefined ? '' : ` fill-opacity="${n(item.fillOpacity)}"`
      const stroke = item.stroke ? ` stroke="${item.stroke}" stroke-width="${n(item.strokeWidth ?? 1)}" stroke-linejoin="round"` : ''
      return `<${item.closed ? 'polygon' : 'polyline'} points="${points}" fill="${item.fill ?? 'none'}"${opacity}${stroke}/>`
    }
    case 'group':
      return `<g><title>${escapeXml(item.label)}</title>${item.items.map(draw).join('')}</g>`
  }
}

export function journeySvg(finalized: FinalizedJourney): string {
  const layout = layoutJourney(finalized)
  const heightMm = (layout.height / layout.width) * 420
  const body = layout.bands.map((band) => `<g class="${band.kind}">\n${band.items.map(draw).join('\n')}\n</g>`).join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="420mm" height="${n(heightMm)}mm" viewBox="0 0 ${n(layout.width)} ${n(layout.height)}" font-family="${escapeXml(FONT_FAMILY)}" role="img" aria-labelledby="map-title">
<title id="map-title">${escapeXml(`${JOURNEY_LABELS.pageTitle}: ${finalized.title}`)}</title>
<desc>${escapeXml(finalized.prompt)}</desc>
<rect width="100%" height="100%" fill="#ffffff"/>
${body}
</svg>
`
}
