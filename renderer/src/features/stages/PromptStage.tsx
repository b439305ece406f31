import { useState } from 'react'
import { PROMPT_MAX_LENGTH } from '../../../../shared/stages'
import type { FlowIntents } from '../../crdt/workshopFlow'
import { InlineTextEdit } from '../../ui/InlineTextEdit'

interface PromptStageProps {
  prompt: string
  /** The facilitator's; null for participants, who read the question. */
  intents: FlowIntents | null
}

/** The workshop's question, large enough to read from the back of the room. */
export function PromptStage({ prompt, intents }: PromptStageProps) {
  const [editing, setEditing] = useState(false)
  return (
    <section className="prompt-stage" aria-label="The question">
      {editing && intents ? (
        <InlineTextEdit
          label="The question"
          initialValue={prompt}
          maxLength={PROMPT_MAX_LENGTH}
          emptyMessage="The workshop needs a question."
          onSave={async (next) => {
            intents.setPrompt(next)
            setEditing(false)
            return true
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <p className="prompt-stage__question">{prompt}</p>
      )}
      {intents && !editing && (
        <button type="button" className="button button--small button--quiet" onClick={() => setEditing(true)}>
          Edit the question
        </button>
      )}
    </section>
  )
}
