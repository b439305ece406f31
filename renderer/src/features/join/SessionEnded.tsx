import { useLayoutEffect, useRef } from 'react'

/**
 * What a join link or code leads to once its session is over: said plainly, so nobody takes it
 * for a network problem and keeps retrying.
 */
export function SessionEnded({ onNewCode }: { onNewCode(): void }) {
  const heading = useRef<HTMLHeadingElement>(null)

  useLayoutEffect(() => {
    heading.current?.focus()
  }, [])

  return (
    <div className="join__card">
      <p className="join__kicker">Workshop Studio</p>
      <h1 ref={heading} tabIndex={-1}>
        This session has ended
      </h1>
      <p className="join__lede">The facilitator has closed this session, so its link and code no longer let anyone in.</p>
      <p className="join__lede">To join, ask the facilitator for a new link or code.</p>
      <button type="button" className="button join__submit" onClick={onNewCode}>
        Type a new code
      </button>
    </div>
  )
}
