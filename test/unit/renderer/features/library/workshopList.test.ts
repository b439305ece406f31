import { describe, expect, it } from 'vitest'
import type { WorkshopSummary } from '../../../../../shared/workshop'
import { filterByTitle, splitByTrash, templateName } from '../../../../../renderer/src/features/library/workshopList'

const workshop = (id: string, title: string, trashedAt: string | null = null): WorkshopSummary => ({
  id,
  title,
  template: 'core-values',
  status: 'draft',
  createdAt: '2026-11-25T21:40:00.000Z',
  updatedAt: '2026-11-25T21:40:00.000Z',
  trashedAt
})

describe('library lists', () => {
  const workshops = [
    workshop('w1', 'Values offsite'),
    workshop('w2', 'Onboarding journey'),
    workshop('w3', 'Onboarding journey (copy)', '2026-11-26T08:00:00.000Z')
  ]

  it('filters by title as typed, ignoring case and surrounding spaces', () => {
    expect(filterByTitle(workshops, ' ONBOARD ').map((w) => w.id)).toEqual(['w2', 'w3'])
    expect(filterByTitle(workshops, 'zzz')).toEqual([])
    expect(filterByTitle(workshops, '   ')).toHaveLength(3)
  })

  it('keeps trashed workshops apart', () => {
    const { active, trashed } = splitByTrash(workshops)
    expect(active.map((w) => w.id)).toEqual(['w1', 'w2'])
    expect(trashed.map((w) => w.id)).toEqual(['w3'])
  })

  it('names the template a workshop started from', () => {
    expect(templateName(workshops[0]!)).toBe('Core values')
    expect(templateName({ ...workshops[0]!, template: 'journey-map' })).toBe('Employee journey map')
  })
})
