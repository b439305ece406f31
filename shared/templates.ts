/** The workshop templates a facilitator can start from, with the board each one opens with. */

/**
 * What a journey-map lane is for, where the workshop treats it specially: its notes are
 * voted on (pain points, opportunities) or linked to values (opportunities).
 */
export const LANE_KINDS = ['painPoints', 'opportunities'] as const
export type LaneKind = (typeof LANE_KINDS)[number]

export interface TemplateLane {
  title: string
  kind?: LaneKind
}

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
  lanes: readonly TemplateLane[]
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
    lanes: [
      { title: 'Touchpoints' },
      { title: 'Moments that matter' },
      { title: 'Thoughts and feelings' },
      { title: 'Pain points', kind: 'painPoints' },
      { title: 'Opportunities', kind: 'opportunities' },
      { title: 'Owner' }
    ],
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
