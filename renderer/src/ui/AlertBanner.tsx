interface AlertBannerProps {
  messages: readonly string[]
  /** 'problem' for failures, 'notice' for things worth knowing. */
  tone: 'problem' | 'notice'
  /** Omitted when the banner goes away by itself once the problem is solved. */
  onDismiss?(): void
}

/** One role=alert region for a set of messages; renders nothing when there are none. */
export function AlertBanner({ messages, tone, onDismiss }: AlertBannerProps) {
  if (messages.length === 0) return null
  return (
    <div role="alert" className={`banner banner--${tone}`}>
      <div className="banner__messages">
        {messages.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
      {onDismiss && (
        <button type="button" className="button button--quiet" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  )
}
