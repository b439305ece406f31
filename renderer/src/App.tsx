import { AppAlertsProvider } from './AppAlerts'
import { BoardScreen } from './features/board/BoardScreen'
import { LibraryScreen } from './features/library/LibraryScreen'
import { useRoute } from './useRoute'

export function App() {
  const route = useRoute()
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
