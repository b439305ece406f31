/**
 * A finalized journey map as a PDF on A3 landscape, drawn with PDFKit from the same layout
 * as the SVG and PNG (shared/exports/journeyLayout.ts): the same notes in the same places,
 * as real text in DejaVu Sans that readers can search and copy. A map taller than one page
 * continues on the next, breaking only between lanes and repeating the row of stage names.
 */
import { A3_LANDSCAPE, layoutJourney, PAGE_MARGIN, pagesOf, type Item } from '../../shared/exports/journeyLayout'
import { JOURNEY_LABELS } from '../../shared/exports/journeyText'
import type { FinalizedJourney } from '../../shared/journeyRecord'
import { openPdf } from './pdfDocument'

function draw(doc: PDFKit.PDFDocument, item: Item, shift: number): void {
  doc.save()
  switch (item.kind) {
    case 'text': {
      doc.font(item.weight).fontSize(item.size).fillColor(item.colour)
      const width = item.anchor === 'start' ? 0 : doc.widthOfString(item.text)
      const x = item.x - (item.anchor === 'middle' ? width / 2 : item.anchor === 'end' ? width : 0)
      doc.text(item.text, x, item.y + shift, { lineBreak: false, baseline: 'alphabetic' })
      break
    }
    case 'rect':
      if (item.radius) doc.roundedRect(item.x, item.y + shift, item.width, item.height, item.radius)
      else doc.rect(item.x, item.y + shift, item.width, item.height)
      paint(doc, item.fill, item.stroke, item.strokeWidth, item.dashed)
      break
    case 'circle':
      doc.circle(item.x, item.y + shift, item.radius)
      paint(doc, item.fill, item.stroke, item.strokeWidth)
      break
    case 'path': {
      const [first, ...rest] = item.points
      doc.moveTo(first![0], first![1] + shift)
      for (const [x, y] of rest) doc.lineTo(x, y + shift)
      if (item.closed) doc.closePath()
      if (item.fillOpacity !== undefined) doc.fillOpacity(item.fillOpacity)
      paint(doc, item.fill, item.stroke, item.strokeWidth)
      break
    }
    case 'group':
      for (const child of item.items) draw(doc, child, shift)
      break
  }
  doc.restore()
}

function paint(doc: PDFKit.PDFDocument, fill: string | null, stroke?: string, strokeWidth = 1, dashed = false): void {
  if (stroke) {
    doc.lineWidth(strokeWidth).lineJoin('round')
    if (dashed) doc.dash(3, { space: 2 })
  }
  if (fill && stroke) doc.fillAndStroke(fill, stroke)
  else if (fill) doc.fill(fill)
  else if (stroke) doc.stroke(stroke)
}

export async function journeyPdf(finalized: FinalizedJourney): Promise<Uint8Array> {
  const layout = layoutJourney(finalized)
  const { doc, bytes } = await openPdf({
    size: 'A3',
    layout: 'landscape',
    margin: 0,
    autoFirstPage: false,
    displayTitle: true,
    lang: 'en',
    info: { Title: `${JOURNEY_LABELS.pageTitle}: ${finalized.title}`, Creator: 'Workshop Studio', Subject: finalized.prompt }
  })
  const pages = pagesOf(layout)
  pages.forEach((page, index) => {
    doc.addPage()
    for (const { band, shift } of page) for (const item of band.items) draw(doc, item, shift)
    if (pages.length > 1) {
      const label = `${JOURNEY_LABELS.pageTitle} · ${index + 1} of ${pages.length}`
      doc.font('regular').fontSize(7).fillColor('#5b6776')
      doc.text(label, A3_LANDSCAPE.width - PAGE_MARGIN - doc.widthOfString(label), A3_LANDSCAPE.height - 14, { lineBreak: false, baseline: 'alphabetic' })
    }
  })
  doc.end()
  return bytes
}
