import { useId, useState } from 'react'
import { TEMPLATE_IDS, TEMPLATES, type TemplateId } from '../../../../shared/templates'
import { TITLE_MAX_LENGTH, type WorkshopSummary } from '../../../../shared/workshop'
import { api } from '../../platform/api'
import { Dialog } from '../../ui/Dialog'
import { userMessage } from '../../ui/userMessage'

interface NewWorkshopDialogProps {
  onCancel(): void
  onCreated(workshop: WorkshopSummary): void
}

const FIRST_TEMPLATE: TemplateId = TEMPLATE_IDS[0]

export function NewWorkshopDialog({ onCancel, onCreated }: NewWorkshopDialogProps) {
  const [templateId, setTemplateId] = useState<TemplateId>(FIRST_TEMPLATE)
  const [title, setTitle] = useState(TEMPLATES[FIRST_TEMPLATE].defaultTitle)
  const [creating, setCreating] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const idPrefix = useId()
  const titleId = `${idPrefix}-title`
  const problemId = `${idPrefix}-problem`

  function chooseTemplate(next: TemplateId) {
    // Follow the template's suggested title until the facilitator has written their own.
    if (title === TEMPLATES[templateId].defaultTitle) setTitle(TEMPLATES[next].defaultTitle)
    setTemplateId(next)
  }

  async function create() {
    const trimmed = title.trim()
    if (!trimmed) {
      setProblem('Give the workshop a title.')
      return
    }
    setCreating(true)
    setProblem(null)
    try {
      onCreated(await api.library.create({ template: templateId, title: trimmed }))
    } catch (error) {
      setProblem(userMessage(error))
      setCreating(false)
    }
  }

  return (
    <Dialog title="New workshop" onClose={onCancel}>
      <form
        className="new-workshop"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void create()
        }}
      >
        <fieldset className="template-choice">
          <legend>Template</legend>
          {TEMPLATE_IDS.map((id) => {
            const template = TEMPLATES[id]
            return (
              <label key={id} className="template-option">
                <input
                  type="radio"
                  name="template"
                  value={id}
                  checked={templateId === id}
                  onChange={() => chooseTemplate(id)}
                  aria-labelledby={`${idPrefix}-${id}-name`}
                  aria-describedby={`${idPrefix}-${id}-summary`}
                />
                <span className="template-option__text">
                  <span id={`${idPrefix}-${id}-name`} className="template-option__name">
                    {template.name}
                  </span>
                  <span id={`${idPrefix}-${id}-summary`} className="template-option__summary">
                    {template.summary}
                  </span>
                </span>
              </label>
            )
          })}
        </fieldset>

        <div className="field">
          <label htmlFor={titleId} className="field__label">
            Title
          </label>
          <input
            id={titleId}
            type="text"
            className="field__input"
            value={title}
            maxLength={TITLE_MAX_LENGTH}
            aria-invalid={problem !== null || undefined}
            aria-describedby={problem ? problemId : undefined}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>

        {problem && (
          <p id={problemId} role="alert" className="field-message">
            {problem}
          </p>
        )}

        <div className="dialog__actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={creating}>
            Create
          </button>
        </div>
      </form>
    </Dialog>
  )
}
