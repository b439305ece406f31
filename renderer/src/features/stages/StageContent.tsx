import { useLayoutEffect, useRef, type ReactNode } from 'react'
import type { StageId } from '../../../../shared/stages'

/**
 * What the current stage asks for, below the stage bar, scrolling on its own. A new stage
 * starts at its top: on a phone, the last stage's scroll would otherwise land mid-way down.
 */
export function StageContent({ stage, children }: { stage: StageId; children: ReactNode }) {
  const area = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    area.current?.scrollTo(0, 0)
  }, [stage])
  return (
    <div ref={area} className="workshop-stages__content">
      {children}
    </div>
  )
}
