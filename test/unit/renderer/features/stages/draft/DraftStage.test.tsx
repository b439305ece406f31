/**
 * The stage rendered to a string (there is no DOM in the unit tests): it renders without
 * errors, with the labels the end-to-end tests will use, and read-only when it must be.
 * Interaction is for the end-to-end tests.
 */
import * as Y from 'yjs'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { createValuesModel } from '../../../../../../renderer/src/crdt/values'
import { DraftStage } from '../../../../../../renderer/src/features/stages/draft/DraftStage'

const RANKING = [
  { clusterId: 'c1', name: 'Integrity', dots: 9 },
  { clusterId: 'c2', name: 'Customer obsessed', dots: 7 },
  { clusterId: 'c3', name: 'Ownership', dots: 1 }
]

function stage(options: { canEdit: boolean; isFacilitator: boolean; seeded: boolean }) {
  const model = createValuesModel(new Y.Doc())
  if (options.seeded) {
    model.intents.createValuesFromClusters(RANKING, 2)
    const [first] = model.snapshots.getSnapshot()
    model.intents.setDefinition(first!.id, 'We tell the truth, even when it is hard.')
    model.intents.addBehaviour(first!.id, 'weDo', 'Say what we do not know')
    model.intents.addExample(first!.id, 'Ana told a customer about a delay before he asked.')
  }
  const html = renderToStaticMarkup(
    <DraftStage model={model} canEdit={options.canEdit} ranking={RANKING} isFacilitator={options.isFacilitator} />
  )
  model.destroy()
  return html
}

describe('DraftStage', () => {
  it('offers the facilitator the top clusters when there are no candidates', () => {
    const html = stage({ canEdit: true, isFacilitator: true, seeded: false })
    expect(html).toContain('Create candidates from the top 3 clusters')
    expect(html).toContain('Number of clusters')
    expect(html).toContain('Add a value')
  })

  it('tells a participant to wait for the facilitator, with nothing to add yet', () => {
    const html = stage({ canEdit: true, isFacilitator: false, seeded: false })
    expect(html).toContain('The facilitator turns the top clusters')
    expect(html).not.toContain('Create candidates')
    expect(html).not.toContain('Add a value')
  })

  it('shows each candidate with labelled controls', () => {
    const html = stage({ canEdit: true, isFacilitator: false, seeded: true })
    expect(html).toContain('Integrity</h3>')
    expect(html).toContain('From the cluster “Integrity” · 9 dots')
    expect(html).toContain('aria-label="Definition of Integrity"')
    expect(html).toContain('Say what we do not know')
    expect(html).toContain('aria-label="Add a “we don’t” behaviour to Integrity"')
    expect(html).toContain('aria-label="Add an example story to Integrity"')
    expect(html).toMatch(/aria-label="Move up: Integrity" data-focus="up" disabled=""/)
    expect(html).toContain('aria-label="Move down: Customer obsessed" data-focus="down" disabled=""')
    expect(html).toContain('aria-label="Merge Integrity into"')
    expect(html).toContain('aria-label="Drop Customer obsessed"')
    expect(html).toContain('aria-label="Remove: Say what we do not know"')
  })

  it('is read-only when the workshop is locked', () => {
    const html = stage({ canEdit: false, isFacilitator: true, seeded: true })
    expect(html).toContain('Say what we do not know')
    expect(html).toContain('readOnly=""')
    expect(html).not.toMatch(/<button/)
    expect(html).not.toMatch(/<input/)
  })
})
