/** The workshop templates a facilitator can start from, with the board each one opens with. */

export const TEMPLATE_IDS = ['core-values', 'journey-map'] as const
export type TemplateId = (typeof TEMPLATE_IDS)[number]

export interface Template {
  id: TemplateId
  name: string
  /** One line shown under the name when choosing a template. */
  summary: string
  defaultTitle: string
  /** The columns a new workshop's board starts with, left to right (in the core-values workshop, the first is where revealed notes land). */
  columns: readonly string[]
}

export const TEMPLATES: Record<TemplateId, Template> = {
  'core-values': {
    id: 'core-values',
    name: 'Core values',
    summary: 'Brainstorm, cluster and vote your way to values the whole team wrote.',
    defaultTitle: 'Our core values',
    // Revealed brainstorm notes land here; the group makes the clusters.
    columns: ['Unsorted ideas']
  },
  'journey-map': {
    id: 'journey-map',
    name: 'Employee journey map',
    summary: 'Map the moments that matter from attract to exit.',
    defaultTitle: 'Employee journey map',
    columns: ['Attract', 'Recruit', 'Onboard', 'Develop', 'Retain', 'Exit']
  }
}
