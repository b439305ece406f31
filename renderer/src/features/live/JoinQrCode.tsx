import { useEffect, useState } from 'react'

interface Drawn {
  url: string
  src: string | null
}

/**
 * The join link as a QR code, drawn as SVG in the page (the CSP allows data: images).
 * The encoder is loaded only here, so participants' browsers never download it.
 */
export function JoinQrCode({ url }: { url: string }) {
  const [drawn, setDrawn] = useState<Drawn | null>(null)

  useEffect(() => {
    let current = true
    import('qrcode')
      .then(({ toString }) => toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }))
      .then(
        (svg) => {
          if (current) setDrawn({ url, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` })
        },
        // The link and the code are on screen either way; the QR code is a shortcut.
        () => {
          if (current) setDrawn({ url, src: null })
        }
      )
    return () => {
      current = false
    }
  }, [url])

  if (drawn?.url !== url) return <div className="join-qr join-qr--pending" aria-hidden="true" />
  if (drawn.src === null) return <p className="live-panel__hint">The QR code could not be drawn; share the link or the code.</p>
  return <img className="join-qr" src={drawn.src} alt="QR code of the join link" />
}
