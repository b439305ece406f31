/**
 * The stage rendered to a string (there is no DOM in the unit tests): it renders without
 * errors, with the labels the end-to-end tests will use, and read-only when it must be.
 * Interaction is for the end-to-end tests.
 */
import * as Y from 'yjs'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { decideTies, type RankedPlace, type TieDecision } from '../../../../../../shared/ballots'
import { createValuesModel } from '../../../../../../renderer/src/crdt/values'
import { DraftStage } from '../../../../../../renderer/src/features/stages/draft/DraftStage'

const RANKING = decideTies(
  [
    { clusterId: 'c1', name: 'Integrity', dots: 9 },
    { clusterId: 'c2', name: 'Customer obsessed', dots: 7 },
    { clusterId: 'c3', name: 'Ownership', dots: 1 }
  ],
  []
)

/** Six clusters, the fifth and sixth tied at 2 dots: a tie through the default top 5. */
const tiedAtTheCut = (decisions: TieDecision[]) =>
  decideTies(
    ['Integrity', 'Ownership', 'Respect', 'Curiosity', 'Courage', 'Care'].map((name, index) => ({
      clusterId: `c${index + 1}`,
      name,
      dots: [7, 6, 5, 4, 2, 2][index]!
    })),
    decisions
  )

function facilitatorSeeding(ranking: RankedPlace[]) {
  const model = createValuesModel(new Y.Doc())
  const html = renderToStaticMarkup(
    <DraftStage model={model} canEdit ranking={ranking} isFacilitator decideTie={() => undefined} />
  )
  model.destroy()
  return html
}

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
    <DraftStage
      model={model}
      canEdit={options.canEdit}
      ranking={RANKING}
      isFacilitator={options.isFacilitator}
      decideTie={options.isFacilitator ? () => undefined : null}
    />
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

  it('asks the facilitator to break or keep a tie that the top clusters cut through, before creating', () => {
    const html = facilitatorSeeding(tiedAtTheCut([]))
    expect(html).toContain('A tie goes through the top 5: break it or keep it')
    expect(html).toContain('“Courage” and “Care” tie with 2 dots. Not decided yet.')
    expect(html).toMatch(/<button type="submit" class="button button--primary" disabled=""[^>]*>Create candidates from the top 5 clusters/)
    expect(html).toContain('Break the tie')
  })

  it('takes a kept tie whole, and a broken one in the facilitator’s order', () => {
    const kept = facilitatorSeeding(tiedAtTheCut([{ optionIds: ['c5', 'c6'], kept: true }]))
    expect(kept).toContain('Create candidates from the top 6 clusters')
    expect(kept).toContain('The tie is kept by the facilitator, so all its clusters come in: 6 candidates.')
    const broken = facilitatorSeeding(tiedAtTheCut([{ optionIds: ['c6', 'c5'], kept: false }]))
    expect(broken).toContain('Create candidates from the top 5 clusters')
    expect(broken).toContain('Care</span>')
    expect(broken).not.toContain('Courage</span>')
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
