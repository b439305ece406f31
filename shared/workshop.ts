/** What the library knows about one workshop (its board lives in the workshop's document). */

import type { TemplateId } from './templates'

export const WORKSHOP_STATUSES = ['draft', 'live', 'finalized'] as const
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number]

export interface WorkshopSummary {
  id: string
  title: string
  template: TemplateId
  status: WorkshopStatus
  /** ISO 8601 timestamps. */
  createdAt: string
  updatedAt: string
  /** Set while the workshop is in the trash; it can be restored until emptied. */
  trashedAt: string | null
}

export const TITLE_MAX_LENGTH = 120
