/** Calls of the app's contract from a page, as its own screens make them: for setting up what a test starts from. */
import type { Page } from '@playwright/test'
import { INVOKE_ROUTE, type Reply } from '../../shared/contract'

export async function invoke<T>(page: Page, namespace: string, name: string, args: unknown[]): Promise<T> {
  const reply = await page.evaluate(
    async ({ route, body }): Promise<Reply> =>
      (await fetch(route, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json() as Promise<Reply>,
    { route: INVOKE_ROUTE, body: JSON.stringify({ namespace, name, args }) }
  )
  if (!reply.ok) throw new Error(reply.error)
  return reply.value as T
}

/**
 * A workshop titled `title` in the library, finalized through the contract with `record`
 * (its workshopId filled in), as a finalize stage does it. Returns the workshop's id.
 */
export async function seedFinalized(
  page: Page,
  template: 'core-values' | 'journey-map' | 'program-plan',
  title: string,
  record: object
): Promise<string> {
  const workshop = await invoke<{ id: string }>(page, 'library', 'create', [{ template, title }])
  await invoke(page, 'library', 'finalize', [workshop.id, { ...record, workshopId: workshop.id }])
  return workshop.id
}
