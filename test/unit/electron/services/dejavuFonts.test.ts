import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { dejavuFontPaths, loadDejaVuFonts, outsideAsar } from '../../../../electron/services/dejavuFonts'

describe('dejavuFonts', () => {
  it('finds DejaVu Sans and its bold as files on disk, the same the PDF export reads', async () => {
    const paths = dejavuFontPaths()
    expect(paths.regular).toMatch(/DejaVuSans\.ttf$/)
    expect(paths.bold).toMatch(/DejaVuSans-Bold\.ttf$/)
    expect(existsSync(paths.regular) && existsSync(paths.bold)).toBe(true)
    const fonts = await loadDejaVuFonts()
    // A TrueType file starts with version 1.0.
    expect([...fonts.regular.subarray(0, 4)]).toEqual([0, 1, 0, 0])
  })

  it('reads the fonts of the packaged app from next to the archive, on any system', () => {
    expect(outsideAsar('/opt/Workshop Studio/resources/app.asar/node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')).toBe(
      '/opt/Workshop Studio/resources/app.asar.unpacked/node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'
    )
    expect(outsideAsar('C:\\Program Files\\Workshop Studio\\resources\\app.asar\\node_modules\\x.ttf')).toBe(
      'C:\\Program Files\\Workshop Studio\\resources\\app.asar.unpacked\\node_modules\\x.ttf'
    )
    expect(outsideAsar('/work/node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')).toBe('/work/node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
  })
})
