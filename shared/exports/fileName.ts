import type { TemplateId } from '../templates'
import { EXPORT_FORMAT_INFO, TEMPLATE_EXPORTS, type ExportFormat } from './formats'

/**
 * Leaves room for " (999)", the suffix and the extension within the 255 bytes that most
 * file systems allow in one name.
 */
const MAX_STEM_BYTES = 180

// Characters Windows refuses in names (macOS and Linux refuse a subset), and control characters.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f]+/g

const encoder = new TextEncoder()

/** The longest start of `text` that fits in `maxBytes` of UTF-8, never cutting a character. */
function truncateUtf8(text: string, maxBytes: number): string {
  let result = ''
  let bytes = 0
  for (const char of text) {
    bytes += encoder.encode(char).length
    if (bytes > maxBytes) break
    result += char
  }
  return result
}

/**
 * The file name of an export: "<title>-values.<ext>" ("-journey-map", "-program-plan" for
 * the other templates), or "<title>-values (n).<ext>" for the n-th file of that name in a
 * folder. Safe on Windows, macOS and Linux whatever the title.
 */
export function exportFileName(title: string, template: TemplateId, format: ExportFormat, copy = 1): string {
  const cleaned = title.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ')
  // A leading dot would hide the file on macOS and Linux.
  const stem = truncateUtf8(cleaned.replace(/^[.\s]+/, ''), MAX_STEM_BYTES).trimEnd() || 'workshop'
  return `${stem}-${TEMPLATE_EXPORTS[template].fileSuffix}${copy > 1 ? ` (${copy})` : ''}${EXPORT_FORMAT_INFO[format].extension}`
}
