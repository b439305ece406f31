/** The app's screens as hash routes: `#/` is the library, `#/workshop/<id>` a board. */

export type Route = { screen: 'library' } | { screen: 'board'; workshopId: string }

const BOARD_PATH = /^#\/workshop\/([^/?#]+)\/?$/

/** Anything that is not a board address shows the library, so a stale link still lands somewhere useful. */
export function parseRoute(hash: string): Route {
  const match = BOARD_PATH.exec(hash)
  if (!match) return { screen: 'library' }
  try {
    return { screen: 'board', workshopId: decodeURIComponent(match[1]!) }
  } catch {
    return { screen: 'library' }
  }
}

export function hashFor(route: Route): string {
  return route.screen === 'board' ? `#/workshop/${encodeURIComponent(route.workshopId)}` : '#/'
}
