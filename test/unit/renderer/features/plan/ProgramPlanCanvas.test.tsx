/**
 * The canvas rendered to a string (there is no DOM in the unit tests): it renders without
 * errors, with the sections, hints and labels a person (and the end-to-end tests) will use,
 * and read-only when it must be. Typing and focus are for the end-to-end tests.
 */
import * as Y from 'yjs'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { createProgramPlanModel, seedProgramPlan } from '../../../../../renderer/src/crdt/programPlan'
import { ProgramPlanCanvas } from '../../../../../renderer/src/features/plan/ProgramPlanCanvas'
import { writeSupportPlan } from '../../../../exports/planFixtures'

const SUGGESTIONS = ['Let agents refund billing errors on the first call', 'Faster access to the spare-parts stock']

function canvas(options: { readOnly: boolean; filled: boolean; suggestions?: readonly string[] }) {
  const doc = new Y.Doc()
  seedProgramPlan(doc)
  const model = createProgramPlanModel(doc)
  if (options.filled) writeSupportPlan(model)
  const html = renderToStaticMarkup(
    <ProgramPlanCanvas model={model} readOnly={options.readOnly} suggestedOpportunities={options.suggestions ?? []} />
  )
  model.destroy()
  return html
}

describe('ProgramPlanCanvas', () => {
  it('asks each section’s question, with a hint of what to write', () => {
    const html = canvas({ readOnly: false, filled: false })
    for (const question of [
      'Who are the employees and customers?',
      'What may employees now handle differently?',
      'Within which boundaries?',
      'Which behaviours do we expect?',
      'How will we know it worked?',
      'How will we recognise and share successes?'
    ]) {
      expect(html).toMatch(new RegExp(`class="plan-section__title">${question.replace('?', '\\?')}</h3><p class="plan-section__hint">[^<]+</p>`))
    }
    expect(html).not.toContain('<table')
    expect(html).toContain('Add a measurable outcome')
  })

  it('labels every box, list and cell for screen readers', () => {
    const html = canvas({ readOnly: false, filled: true })
    for (const label of ['Program name', 'Employees', 'Customers', 'Recognition and sharing']) expect(html).toContain(`>${label}</label>`)
    expect(html).toContain('aria-label="Add a boundary"')
    expect(html).toContain('aria-label="Remove: Up to €200 per customer per year"')
    expect(html).toContain('aria-label="Edit: Own the case until it is closed"')
    expect(html).toMatch(/<table [^>]*aria-labelledby="[^"]+"/)
    expect(html).toContain('<th scope="col" class="outcomes__head outcomes__head--metric">Metric</th>')
    expect(html).toContain('aria-label="Target, outcome 2"')
    expect(html).toMatch(/<input type="date" [^>]*aria-label="Review date, outcome 1" value="2027-03-31"/)
    expect(html).toContain('aria-label="Remove “Customer satisfaction (CSAT) after a billing call”"')
    // The row no one filled in is named by its place.
    expect(html).toContain('aria-label="Remove outcome 4"')
  })

  it('offers the journey map’s top opportunities, and shows those already in the plan as added', () => {
    const html = canvas({ readOnly: false, filled: true, suggestions: SUGGESTIONS })
    expect(html).toContain('Top opportunities from the journey map')
    expect(html).toContain('aria-label="Add to the plan: Faster access to the spare-parts stock"')
    expect(html).toContain('aria-label="In the plan: Let agents refund billing errors on the first call" aria-disabled="true"')
    expect(canvas({ readOnly: false, filled: true, suggestions: [] })).not.toContain('Top opportunities from the journey map')
  })

  it('shows the plan as written, and nothing to edit, when read-only', () => {
    const html = canvas({ readOnly: true, filled: true, suggestions: SUGGESTIONS })
    expect(html).toContain('Fix it **first** time &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(html).toContain('First-line support agents in Lyon and Porto.')
    expect(html).toContain('Never share another customer’s data')
    expect(html).toContain('<td class="outcomes__cell outcomes__cell--reviewDate" data-label="Review date">31 Mar 2027</td>')
    expect(html).toContain('<span class="visually-hidden">not set</span>')
    // The header and the three outcomes; the row no one filled in is left out, as finalizing does.
    expect(html.match(/<tr>/g)).toHaveLength(4)
    expect(html).not.toContain('Top opportunities from the journey map')
    expect(html).not.toMatch(/<(button|input|textarea)/)
  })

  it('says which parts are empty when read-only', () => {
    const html = canvas({ readOnly: true, filled: false })
    expect(html).toContain('No measurable outcomes.')
    expect(html.match(/Not filled in\./g)).toHaveLength(8)
  })

  it('says why more than ten opportunities are offered when a tie crosses the cut', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `Opportunity ${i + 1}`)
    expect(canvas({ readOnly: false, filled: false, suggestions: ten })).not.toContain('tied at the cut')
    const twelve = [...ten, 'Opportunity 11', 'Opportunity 12']
    expect(canvas({ readOnly: false, filled: false, suggestions: twelve })).toContain('12, not 10: the opportunities tied at the cut all come in')
  })
})
