import { useCallback, useId, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react'
import type { TextField } from '../../crdt/collaborativeText'
import { PLAN_LIST_RULES, PLAN_TEXT_MAX_LENGTH, type PlanListKey, type PlanTextKey, type ProgramPlanModel } from '../../crdt/programPlan'
import { PLAN_LABELS } from '../../../../shared/exports/planText'
import { TextListEditor } from '../../ui/TextListEditor'
import { OutcomesTable } from './OutcomesTable'
import { announce, LIST_WORDS, listEditMessage, SECTIONS, TEXT_WORDS, textTooLong, type SectionWords } from './planText'
import { SharedTextField } from './SharedTextField'
import { SuggestedOpportunities } from './SuggestedOpportunities'
import './plan.css'

export interface ProgramPlanCanvasProps {
  model: ProgramPlanModel
  /** True while the workshop is locked or finalized: the plan shows as written, nothing can change. */
  readOnly: boolean
  /** The top-voted opportunities of a finalized journey map; none, and the suggestions are not shown. */
  suggestedOpportunities: readonly string[]
}

interface SectionProps {
  words: SectionWords
  /** For the lists and the table the heading names. */
  headingId: string
  children: ReactNode
}

function Section({ words, headingId, children }: SectionProps) {
  return (
    <section className="plan-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="plan-section__title">
        {words.title}
      </h3>
      <p className="plan-section__hint">{words.hint}</p>
      {children}
    </section>
  )
}

/**
 * The EX program plan, filled in together: who it is for, what employees may now handle
 * differently and within which boundaries, the behaviours expected, the measurable outcomes,
 * and how successes are shared. Every box is live: what anyone types shows on every screen.
 */
export function ProgramPlanCanvas({ model, readOnly, suggestedOpportunities }: ProgramPlanCanvasProps) {
  // The same snapshot serves a server render, so the canvas can be rendered to a string in tests.
  const plan = useSyncExternalStore(model.snapshots.subscribe, model.snapshots.getSnapshot, model.snapshots.getSnapshot)
  const { intents } = model
  const [status, setStatus] = useState('')
  const ids = {
    opportunities: useId(),
    who: useId(),
    activities: useId(),
    boundaries: useId(),
    behaviours: useId(),
    outcomes: useId(),
    recognition: useId()
  }

  // One stable binder per shared text, so a box is bound once, not on every render.
  const binders = useMemo(() => {
    const binder = (key: PlanTextKey) => (field: TextField) => model.bindText(key, field)
    return {
      programName: binder('programName'),
      targetEmployees: binder('targetEmployees'),
      targetCustomers: binder('targetCustomers'),
      recognition: binder('recognition')
    }
  }, [model])

  const text = (key: PlanTextKey, options: { rows: number; singleLine?: boolean; className?: string }) => (
    <SharedTextField
      label={TEXT_WORDS[key].label}
      value={plan[key]}
      maxLength={PLAN_TEXT_MAX_LENGTH[key]}
      tooLongMessage={textTooLong(key)}
      placeholder={TEXT_WORDS[key].placeholder}
      singleLine={options.singleLine ?? false}
      rows={options.rows}
      readOnly={readOnly}
      bind={binders[key]}
      className={options.className}
    />
  )

  const list = (key: PlanListKey) => (
    <TextListEditor
      items={plan[key]}
      labelledBy={ids[key]}
      words={readOnly ? { ...LIST_WORDS[key], empty: PLAN_LABELS.notFilledIn } : LIST_WORDS[key]}
      maxLength={PLAN_LIST_RULES[key].maxLength}
      multiline={false}
      readOnly={readOnly}
      messageFor={(result) => listEditMessage(key, result)}
      onAdd={(item) => intents.addItem(key, item)}
      onEdit={(index, item, previous) => intents.editItem(key, index, item, previous)}
      onRemove={(index, previous) => {
        const removed = intents.removeItem(key, index, previous)
        if (removed) setStatus(announce.itemRemoved(key, previous))
        return removed
      }}
    />
  )

  const addSuggestion = (opportunity: string) => {
    const result = intents.addItem('opportunities', opportunity)
    setStatus(result.changed ? announce.itemAdded('opportunities', opportunity) : listEditMessage('opportunities', result))
  }

  const onStatus = useCallback((message: string) => setStatus(message), [])

  return (
    <article className={`plan${readOnly ? ' plan--read-only' : ''}`} aria-label="Program plan">
      <header className="plan__header">
        <p className="plan__eyebrow">EX program plan</p>
        {text('programName', { rows: 1, singleLine: true, className: 'plan-text--title' })}
      </header>

      <Section words={SECTIONS.opportunities} headingId={ids.opportunities}>
        {!readOnly && suggestedOpportunities.length > 0 && (
          <SuggestedOpportunities suggestions={suggestedOpportunities} inPlan={plan.opportunities} onAdd={addSuggestion} />
        )}
        {list('opportunities')}
      </Section>

      <Section words={SECTIONS.who} headingId={ids.who}>
        <div className="plan-section__pair">
          {text('targetEmployees', { rows: 3 })}
          {text('targetCustomers', { rows: 3 })}
        </div>
      </Section>

      <div className="plan__pair">
        <Section words={SECTIONS.activities} headingId={ids.activities}>
          {list('activities')}
        </Section>
        <Section words={SECTIONS.boundaries} headingId={ids.boundaries}>
          {list('boundaries')}
        </Section>
      </div>

      <Section words={SECTIONS.behaviours} headingId={ids.behaviours}>
        {list('behaviours')}
      </Section>

      <Section words={SECTIONS.outcomes} headingId={ids.outcomes}>
        <OutcomesTable
          rows={plan.outcomes}
          readOnly={readOnly}
          labelledBy={ids.outcomes}
          intents={intents}
          bindOutcomeText={model.bindOutcomeText}
          onStatus={onStatus}
        />
      </Section>

      <Section words={SECTIONS.recognition} headingId={ids.recognition}>
        {text('recognition', { rows: 4 })}
      </Section>

      {/* Always present, so screen readers hear the message when it appears. */}
      <p role="status" className="plan__status">
        {readOnly ? '' : status}
      </p>
    </article>
  )
}
