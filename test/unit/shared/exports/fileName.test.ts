import { describe, expect, it } from 'vitest'
import { exportFileName } from '../../../../shared/exports/fileName'

describe('exportFileName', () => {
  it('names the file after the title, with the format’s extension', () => {
    expect(exportFileName('Our core values', 'markdown')).toBe('Our core values-values.md')
    expect(exportFileName('Our core values', 'html')).toBe('Our core values-values.html')
    expect(exportFileName('Our core values', 'pdf')).toBe('Our core values-values.pdf')
    expect(exportFileName('Our core values', 'csv')).toBe('Our core values-values.csv')
    expect(exportFileName('Our core values', 'json')).toBe('Our core values-values.json')
  })

  it('numbers further copies', () => {
    expect(exportFileName('Team', 'pdf', 2)).toBe('Team-values (2).pdf')
    expect(exportFileName('Team', 'pdf', 17)).toBe('Team-values (17).pdf')
  })

  it('replaces what Windows, macOS or Linux refuse in a name, and keeps the rest', () => {
    expect(exportFileName('Support: “values” 2026/Q4 <draft>?*|\\"', 'csv')).toBe('Support “values” 2026 Q4 draft-values.csv')
    expect(exportFileName('Line\none\ttab\u0000', 'csv')).toBe('Line one tab-values.csv')
    expect(exportFileName('Überzeugung — Chloé’s', 'markdown')).toBe('Überzeugung — Chloé’s-values.md')
  })

  it('never makes a hidden file or an empty name', () => {
    expect(exportFileName('..hidden', 'json')).toBe('hidden-values.json')
    expect(exportFileName(' / : ', 'json')).toBe('workshop-values.json')
  })

  it('stays within 255 bytes whatever the title, without cutting a character', () => {
    const name = exportFileName('Ü😀'.repeat(60), 'markdown', 999)
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255)
    expect(name).toMatch(/^(Ü😀)+Ü?-values \(999\)\.md$/)
  })

  it('writes the same letters the same way, whichever way they were typed', () => {
    expect(exportFileName('Chloe\u0301', 'pdf')).toBe(exportFileName('Chlo\u00e9', 'pdf'))
  })
})
