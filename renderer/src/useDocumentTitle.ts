import { useEffect } from 'react'

const APP_NAME = 'Workshop Studio'

/** Names the window after what is on screen, so it can be told apart in the taskbar. */
export function useDocumentTitle(screenTitle: string | null): void {
  useEffect(() => {
    document.title = screenTitle ? `${screenTitle} — ${APP_NAME}` : APP_NAME
  }, [screenTitle])
}
