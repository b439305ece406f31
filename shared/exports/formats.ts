/**
 * The formats a finalized core-values workshop exports to. This file is all the renderer
 * needs to offer them; the renderings themselves run on the main side.
 */

export const EXPORT_FORMATS = ['markdown', 'html', 'pdf', 'csv', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface ExportFormatInfo {
  /** What the person sees on the button. */
  label: string
  /** Ends the file name, after "<title>-values". */
  extension: string
}

export const EXPORT_FORMAT_INFO: Record<ExportFormat, ExportFormatInfo> = {
  markdown: { label: 'Markdown', extension: '.md' },
  html: { label: 'Web page (HTML)', extension: '.html' },
  pdf: { label: 'PDF', extension: '.pdf' },
  csv: { label: 'Spreadsheet (CSV)', extension: '.csv' },
  json: { label: 'Data (JSON)', extension: '.json' }
}

/** Longest folder path accepted; above every operating system's own limit. */
export const EXPORT_FOLDER_MAX_LENGTH = 4_096

export interface ExportResult {
  /** The file written, as a full path. */
  path: string
}
