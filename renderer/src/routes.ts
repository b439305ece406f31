/**
 * The app's screens as hash routes: `#/` is the library, `#/workshop/<id>` a board, and
 * `#/join`, `#/join/<code>` or `#/join/<code>/<host key>` the participant's way into a live session.
 */
import { JOIN_ROUTE_FRAGMENT } from '../../shared/liveSession'

export type Route =
  | { screen: 'library' }
  | { screen: 'board'; workshopId: string }
  /**
   * `code` is what the join link carried, as written there; null for the form. `hostKey`, the
   * session's public key, when the link carried it (shared/sync/sealedChannel.ts).
   */
  | { screen: 'join'; code: string | null; hostKey?: string }

const BOARD_PATH = /^#\/workshop\/([^/?#]+)\/?$/
const JOIN_FORM_PATH = /^#\/join\/?$/
const JOIN_LINK_PATH = new RegExp(`^${JOIN_ROUTE_FRAGMENT.replace(/[/#]/g, '\\$&')}([^/?#]+)(?:/([A-Za-z0-9_-]{43}))?/?$`)

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
  if (join) {
    const code = decoded(join[1]!)
    return join[2] && code !== null ? { screen: 'join', code, hostKey: join[2] } : { screen: 'join', code }
  }
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
      if (route.code === null) return '#/join'
      return `${JOIN_ROUTE_FRAGMENT}${encodeURIComponent(route.code)}${route.hostKey ? `/${route.hostKey}` : ''}`
    default:
      return '#/'
  }
}
