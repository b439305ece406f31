/**
 * The page's Content-Security-Policy, sent as a header by the desktop app's `app://`
 * protocol, the host-mode server and each live session's server: scripts only from the app
 * itself, no framing. index.html has no copy of it, so this is the one place it is written.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React sets style attributes for drag transforms.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // The facilitator's page (app:// in the desktop app, 127.0.0.1:<port> in host mode) joins its
  // live session's signaling at ws://127.0.0.1:<session port>/signal: another origin, on a port
  // known only once the session starts. Participants' pages reach theirs as 'self'.
  "connect-src 'self' ws://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')
