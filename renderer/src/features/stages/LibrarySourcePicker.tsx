import { useEffect, useId, useState } from 'react'
import type { TemplateId } from '../../../../shared/templates'
import type { WorkshopSummary } from '../../../../shared/workshop'
import type { FinalizedRecord } from '../../../../shared/workshopRecord'
import type { LibrarySource } from '../../crdt/workshopFlow'
import { api } from '../../platform/api'
import { userMessage } from '../../ui/userMessage'

interface LibrarySourcePickerProps {
  /** Which finalized workshops to offer. */
  template: TemplateId
  label: string
  /** What to say when the library has none. */
  noneYet: string
  source: LibrarySource | null
  /** The items this workshop takes from a finalized record (value names, opportunities). */
  itemsOf(record: FinalizedRecord): readonly string[]
  onChange(source: LibrarySource | null): void
}

/**
 * The facilitator picks a finalized workshop from the library for this one to draw on; what
 * it offers is copied into the document, so every screen can use it.
 */
export function LibrarySourcePicker({ template, label, noneYet, source, itemsOf, onChange }: LibrarySourcePickerProps) {
  const [workshops, setWorkshops] = useState<WorkshopSummary[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const id = useId()

  useEffect(() => {
    let current = true
    api.library.list().then(
      (all) => current && setWorkshops(all.filter((w) => w.template === template && w.status === 'finalized' && !w.trashedAt)),
      (error: unknown) => current && setProblem(userMessage(error))
    )
    return () => {
      current = false
    }
  }, [template])

  async function choose(workshopId: string) {
    setProblem(null)
    if (!workshopId) {
      onChange(null)
      return
    }
    try {
      const record = await api.library.finalized(workshopId)
      if (!record) throw new Error('That workshop is not finalized any more.')
      onChange({ workshopId, workshopTitle: record.title, items: itemsOf(record) })
    } catch (error) {
      setProblem(userMessage(error))
    }
  }

  if (workshops === null && !problem) return null
  return (
    <div className="library-source" role="group" aria-label={label}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={source?.workshopId ?? ''} onChange={(event) => void choose(event.target.value)}>
        <option value="">{workshops?.length ? 'None' : noneYet}</option>
        {workshops?.map((workshop) => (
          <option key={workshop.id} value={workshop.id}>
            {workshop.title}
          </option>
        ))}
        {source && !workshops?.some((workshop) => workshop.id === source.workshopId) && (
          <option value={source.workshopId}>{source.workshopTitle}</option>
        )}
      </select>
      {problem && (
        <p role="alert" className="field-message">
          {problem}
        </p>
      )}
    </div>
  )
}
