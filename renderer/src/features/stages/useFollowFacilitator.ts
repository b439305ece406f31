import { useEffect } from 'react'
import type { LiveDocConnection } from '../../crdt/liveSync'
import type { PresentPerson } from '../../crdt/presence'
import { FOLLOW_KEY } from '../../ui/followKey'

const keyOf = (target: EventTarget | null) =>
  target instanceof Element ? target.closest(`[${FOLLOW_KEY}]`)?.getAttribute(FOLLOW_KEY) ?? null : null

/**
 * "Everyone follows me": the facilitator's screen shares which cluster or value they last
 * pointed at or moved into; every participant's screen brings it into view and marks it.
 * The stage itself is always followed.
 */
export function useFollowFacilitator(
  role: 'facilitator' | 'participant',
  following: boolean,
  live: LiveDocConnection | null,
  people: readonly PresentPerson[]
): void {
  const leading = role === 'facilitator' && following
  useEffect(() => {
    if (!live || !leading) return
    const share = (event: Event) => {
      const key = keyOf(event.target)
      if (key) live.share({ focus: key })
    }
    document.addEventListener('pointerdown', share)
    document.addEventListener('focusin', share)
    return () => {
      document.removeEventListener('pointerdown', share)
      document.removeEventListener('focusin', share)
      live.share({ focus: null })
    }
  }, [live, leading])

  const focus = role === 'participant' && following ? (people.find((person) => person.role === 'facilitator')?.focus ?? null) : null
  useEffect(() => {
    if (!focus) return
    const element = document.querySelector(`[${FOLLOW_KEY}="${CSS.escape(focus)}"]`)
    if (!element) return
    element.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'smooth' })
    element.classList.add('followed')
    return () => element.classList.remove('followed')
  }, [focus])
}
