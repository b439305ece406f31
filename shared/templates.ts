/** The workshop templates a facilitator can start from, with the board each one opens with. */

export const TEMPLATE_IDS = ['core-values', 'journey-map', 'program-plan'] as const
export type TemplateId = (typeof TEMPLATE_IDS)[number]

export interface Template {
  id: TemplateId
  name: string
  /** One line shown under the name when choosing a template. */
  summary: string
  defaultTitle: string
  /**
   * The columns a new workshop's board starts with, left to right: in the core-values
   * workshop the first is where revealed notes land; in the journey map they are the
   * journey's stages. The program plan has no board.
   */
  columns: readonly string[]
  /** The journey map's lanes, top to bottom; empty for a board without lanes. */
  lanes: readonly string[]
  /** Whether a new workshop starts in anonymous mode (the facilitator can switch it). */
  anonymousByDefault: boolean
}

export const TEMPLATES: Record<TemplateId, Template> = {
  'core-values': {
    id: 'core-values',
    name: 'Core values',
    summary: 'Brainstorm, cluster and vote your way to values the whole team wrote.',
    defaultTitle: 'Our core values',
    // Revealed brainstorm notes land here; the group makes the clusters.
    columns: ['Unsorted ideas'],
    lanes: [],
    anonymousByDefault: true
  },
  'journey-map': {
    id: 'journey-map',
    name: 'Employee journey map',
    summary: 'Map the moments that matter from attract to exit.',
    defaultTitle: 'Employee journey map',
    columns: ['Attract', 'Recruit', 'Onboard', 'Develop', 'Retain', 'Exit'],
    lanes: ['Touchpoints', 'Moments that matter', 'Thoughts and feelings', 'Pain points', 'Opportunities', 'Owner'],
    // Pain points are honest feedback: no one should be able to tell who named one.
    anonymousByDefault: true
  },
  'program-plan': {
    id: 'program-plan',
    name: 'EX program plan',
    summary: 'Turn the top opportunities into a program employees are empowered to run.',
    defaultTitle: 'EX program plan',
    columns: [],
    lanes: [],
    anonymousByDefault: false
  }
}
