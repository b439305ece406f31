import { useId } from 'react'
import type { ValueEditResult, ValueListKind } from '../../../crdt/values'
import { TextListEditor } from '../../../ui/TextListEditor'
import { LIST_WORDS, listEditMessage } from './draftText'

interface StatementListProps {
  kind: ValueListKind
  /** The candidate's name as shown, for accessible names. */
  valueName: string
  items: readonly string[]
  canEdit: boolean
  onAdd(text: string): ValueEditResult
  /** `previous` is the text the person saw at `index`, so a peer's change meanwhile is caught. */
  onEdit(index: number, text: string, previous: string): ValueEditResult
  onRemove(index: number, previous: string): boolean
}

/** One list of a value under its heading: "we do", "we don't" or example stories. Behaviours are one line, stories may have several. */
export function StatementList({ kind, valueName, items, canEdit, onAdd, onEdit, onRemove }: StatementListProps) {
  const words = LIST_WORDS[kind]
  const headingId = useId()
  return (
    <section className={`statement-list statement-list--${kind}`} aria-labelledby={headingId}>
      <h4 id={headingId} className="statement-list__title">
        {words.title}
      </h4>
      <TextListEditor
        items={items}
        labelledBy={headingId}
        words={{ ...words, addLabel: words.addLabel(valueName) }}
        maxLength={words.maxLength}
        multiline={kind === 'examples'}
        readOnly={!canEdit}
        messageFor={(result) => listEditMessage(kind, result)}
        onAdd={onAdd}
        onEdit={onEdit}
        onRemove={onRemove}
      />
    </section>
  )
}
