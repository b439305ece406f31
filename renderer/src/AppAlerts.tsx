/**
 * Messages that belong to the whole app rather than one screen: start-up notices from
 * `api.app.info()` (such as a damaged file that was restored) and problems reported after
 * the screen that met them has gone (a board's last save failing after leaving it).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { api } from './platform/api'
import { AlertBanner } from './ui/AlertBanner'
import { userMessage } from './ui/userMessage'

interface AppAlerts {
  report(message: string): void
}

const AppAlertsContext = createContext<AppAlerts | null>(null)

export function useAppAlerts(): AppAlerts {
  const alerts = useContext(AppAlertsContext)
  if (!alerts) throw new Error('useAppAlerts needs an AppAlertsProvider above it')
  return alerts
}

export function AppAlertsProvider({ children }: { children: ReactNode }) {
  const [messages, setMessages] = useState<string[]>([])
  const report = useCallback((message: string) => {
    setMessages((current) => (current.includes(message) ? current : [...current, message]))
  }, [])

  useEffect(() => {
    let current = true
    api.app.info().then(
      (info) => {
        if (current) info.notices.forEach(report)
      },
      (error: unknown) => {
        if (current) report(userMessage(error))
      }
    )
    return () => {
      current = false
    }
  }, [report])

  const alerts = useMemo(() => ({ report }), [report])
  return (
    <AppAlertsContext value={alerts}>
      <AlertBanner tone="notice" messages={messages} onDismiss={() => setMessages([])} />
      {children}
    </AppAlertsContext>
  )
}
