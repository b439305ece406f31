/**
 * The app's screens as hash routes: `#/` is the library, `#/workshop/<id>` a board, and
 * `#/join` or `#/join/<code>` the participant's way into a live session.
 */
import { JOIN_ROUTE_FRAGMENT } from '../../shared/liveSession'

export type Route =
  | { screen: 'library' }
  | { screen: 'board'; workshopId: string }
  /** `code` is what the join link carried, as written there; null for the form. */
  | { screen: 'join'; code: string | null }

const BOARD_PATH = /^#\/workshop\/([^/?#]+)\/?$/
const JOIN_FORM_PATH = /^#\/join\/?$/
const JOIN_LINK_PATH = new RegExp(`^${JOIN_ROUTE_FRAGMENT.replace(/[/#]/g, '\\$&')}([^/?#]+)/?$`)

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

/** Anything that is not a known address shows the library, so a stale link still lands somewhere useful. */
export function parseRoute(hash: string): Route {
  if (JOIN_FORM_PATH.test(hash)) return { screen: 'join', code: null }
  const join = JOIN_LINK_PATH.exec(hash)
  if (join) return { screen: 'join', code: decoded(join[1]!) }
  const board = BOARD_PATH.exec(hash)
  const workshopId = board ? decoded(board[1]!) : null
  return workshopId === null ? { screen: 'library' } : { screen: 'board', workshopId }
}

/**
 * A page from a live session's server has only the participant's face: that server answers
 * no facilitator call, so the library or a board would only show errors there.
 */
export function participantOnly(route: Route): Route {
  return route.screen === 'join' ? route : { screen: 'join', code: null }
}

export function hashFor(route: Route): string {
  switch (route.screen) {
    case 'board':
      return `#/workshop/${encodeURIComponent(route.workshopId)}`
    case 'join':
      return route.code === null ? '#/join' : `${JOIN_ROUTE_FRAGMENT}${encodeURIComponent(route.code)}`
    default:
      return '#/'
  }
}
