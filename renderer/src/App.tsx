import { AppAlertsProvider } from './AppAlerts'
import { BoardScreen } from './features/board/BoardScreen'
import { JoinScreen } from './features/join/JoinScreen'
import { LibraryScreen } from './features/library/LibraryScreen'
import { hashFor } from './routes'
import { useRoute } from './useRoute'

export function App() {
  const route = useRoute()
  // The participant's face stays outside AppAlertsProvider: it asks the facilitator's API for
  // start-up notices, and a live session's server has no such API.
  if (route.screen === 'join') return <JoinScreen key={hashFor(route)} linkCode={route.code} linkKey={route.hostKey ?? null} />
  return (
    <AppAlertsProvider>
      {route.screen === 'board' ? (
        // A new key per workshop: a board never inherits another board's state.
        <BoardScreen key={route.workshopId} workshopId={route.workshopId} />
      ) : (
        <LibraryScreen />
      )}
    </AppAlertsProvider>
  )
}
