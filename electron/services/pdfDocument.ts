/**
 * A PDFKit document as every PDF export starts one: DejaVu Sans and its bold registered as
 * the fonts 'regular' and 'bold' (embedded as subsets, with the ToUnicode map that lets
 * readers copy and search the text), and the bytes it will have written once it ends.
 */
import PDFDocument from 'pdfkit'
import { loadDejaVuFonts } from './dejavuFonts'

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = []
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
}

export async function openPdf(options: PDFKit.PDFDocumentOptions): Promise<{ doc: PDFKit.PDFDocument; bytes: Promise<Uint8Array> }> {
  const fonts = await loadDejaVuFonts()
  const doc = new PDFDocument(options)
  const bytes = collect(doc)
  doc.registerFont('regular', fonts.regular)
  doc.registerFont('bold', fonts.bold)
  return { doc, bytes }
}
