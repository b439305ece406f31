/** Pure helpers for the library screen: which workshops to show and how to describe them. */
import { TEMPLATES } from '../../../../shared/templates'
import type { WorkshopStatus, WorkshopSummary } from '../../../../shared/workshop'

export const STATUS_LABELS: Record<WorkshopStatus, string> = {
  draft: 'Draft',
  live: 'Live',
  finalized: 'Finalized'
}

export function templateName(workshop: WorkshopSummary): string {
  return TEMPLATES[workshop.template]?.name ?? 'Custom board'
}

export function splitByTrash(workshops: readonly WorkshopSummary[]): { active: WorkshopSummary[]; trashed: WorkshopSummary[] } {
  return {
    active: workshops.filter((workshop) => workshop.trashedAt === null),
    trashed: workshops.filter((workshop) => workshop.trashedAt !== null)
  }
}

/** Case-insensitive match on the title; a blank query matches everything. */
export function filterByTitle(workshops: readonly WorkshopSummary[], query: string): WorkshopSummary[] {
  const needle = query.trim().toLocaleLowerCase()
  if (!needle) return [...workshops]
  return workshops.filter((workshop) => workshop.title.toLocaleLowerCase().includes(needle))
}
