/**
 * DejaVu Sans and its bold, from the dejavu-fonts-ttf package: the typeface of every PDF
 * and PNG export. PDF's standard fonts only know Western European letters; DejaVu also
 * covers the rest of Latin, Greek and Cyrillic. Scripts it lacks (Chinese, Japanese,
 * Korean, emoji) come out as empty boxes or gaps; the text exports keep them.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'

export type FontName = 'regular' | 'bold'

// Not named `require`: the main bundle declares one of its own.
const packages = createRequire(import.meta.url)

const FILES: Record<FontName, string> = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'
}

/**
 * Where a file inside app.asar lies unpacked (electron-builder.yml's asarUnpack): only
 * Electron's patched `fs` reads inside the archive, not native code such as resvg.
 */
export const outsideAsar = (path: string): string => path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2')

/** The font files on disk, for a reader outside Node's file system (resvg's, in Rust). */
export function dejavuFontPaths(): Record<FontName, string> {
  return { regular: outsideAsar(packages.resolve(FILES.regular)), bold: outsideAsar(packages.resolve(FILES.bold)) }
}

let fontFiles: Promise<Record<FontName, Buffer>> | undefined

/** The font files' bytes, read once per process. */
export function loadDejaVuFonts(): Promise<Record<FontName, Buffer>> {
  fontFiles ??= Promise.all([readFile(packages.resolve(FILES.regular)), readFile(packages.resolve(FILES.bold))]).then(([regular, bold]) => ({
    regular,
    bold
  }))
  // A failed read is not cached: the next export tries again.
  fontFiles.catch(() => (fontFiles = undefined))
  return fontFiles
}
