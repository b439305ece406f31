import { describe, expect, it } from 'vitest'
import { exportFileName } from '../../../../shared/exports/fileName'

describe('exportFileName', () => {
  it('names the file after the title, with the format’s extension', () => {
    expect(exportFileName('Our core values', 'core-values', 'markdown')).toBe('Our core values-values.md')
    expect(exportFileName('Our core values', 'core-values', 'html')).toBe('Our core values-values.html')
    expect(exportFileName('Our core values', 'core-values', 'pdf')).toBe('Our core values-values.pdf')
    expect(exportFileName('Our core values', 'core-values', 'csv')).toBe('Our core values-values.csv')
    expect(exportFileName('Our core values', 'core-values', 'json')).toBe('Our core values-values.json')
    expect(exportFileName('Joining us', 'journey-map', 'png')).toBe('Joining us-journey-map.png')
    expect(exportFileName('Fix onboarding', 'program-plan', 'pdf')).toBe('Fix onboarding-program-plan.pdf')
  })

  it('numbers further copies', () => {
    expect(exportFileName('Team', 'core-values', 'pdf', 2)).toBe('Team-values (2).pdf')
    expect(exportFileName('Team', 'core-values', 'pdf', 17)).toBe('Team-values (17).pdf')
  })

  it('replaces what Windows, macOS or Linux refuse in a name, and keeps the rest', () => {
    expect(exportFileName('Support: “values” 2026/Q4 <draft>?*|\\"', 'core-values', 'csv')).toBe('Support “values” 2026 Q4 draft-values.csv')
    expect(exportFileName('Line\none\ttab\u0000', 'core-values', 'csv')).toBe('Line one tab-values.csv')
    expect(exportFileName('Überzeugung — Chloé’s', 'core-values', 'markdown')).toBe('Überzeugung — Chloé’s-values.md')
  })

  it('never makes a hidden file or an empty name', () => {
    expect(exportFileName('..hidden', 'core-values', 'json')).toBe('hidden-values.json')
    expect(exportFileName(' / : ', 'core-values', 'json')).toBe('workshop-values.json')
  })

  it('stays within 255 bytes whatever the title, without cutting a character', () => {
    const name = exportFileName('Ü😀'.repeat(60), 'core-values', 'markdown', 999)
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255)
    expect(name).toMatch(/^(Ü😀)+Ü?-values \(999\)\.md$/)
  })

  it('writes the same letters the same way, whichever way they were typed', () => {
    expect(exportFileName('Chloe\u0301', 'core-values', 'pdf')).toBe(exportFileName('Chlo\u00e9', 'core-values', 'pdf'))
  })
})
