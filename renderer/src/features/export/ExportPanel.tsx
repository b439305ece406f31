import { useEffect, useId, useState } from 'react'
import { EXPORT_FOLDER_MAX_LENGTH, EXPORT_FORMAT_INFO, formatsOf, TEMPLATE_EXPORTS, type ExportFormat } from '../../../../shared/exports/formats'
import type { TemplateId } from '../../../../shared/templates'
import { api } from '../../platform/api'
import { userMessage } from '../../ui/userMessage'
import './export.css'

/** The last file written, to say where it went. */
/** Where the folder last exported to is kept, for as long as this window is open, so the next export goes there too. */
const LAST_FOLDER_KEY = 'workshop-studio:export-folder'

interface ExportPanelProps {
  workshopId: string
  /** Which formats to offer, and what they hold. */
  template: TemplateId
}

/**
 * Exports a finalized workshop, one format per button, into a folder: chosen with the
 * system's picker in the desktop app, typed as a path in host mode (a browser cannot show
 * this computer's folders). Says where each file went.
 */
export function ExportPanel({ workshopId, template }: ExportPanelProps) {
  const exports = TEMPLATE_EXPORTS[template]
  const [desktop, setDesktop] = useState<boolean | null>(null)
  const [folder, setFolder] = useState(() => sessionStorage.getItem(LAST_FOLDER_KEY) ?? '')
  const [working, setWorking] = useState<ExportFormat | null>(null)
  /** Where each format went this time, shown beside its button. */
  const [saved, setSaved] = useState<Partial<Record<ExportFormat, string>>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const idPrefix = useId()
  const folderId = `${idPrefix}-folder`
  const folderHintId = `${idPrefix}-folder-hint`

  useEffect(() => {
    let current = true
    Promise.all([api.app.info(), api.exports.defaultFolder()])
      .then(([info, defaultFolder]) => {
        if (!current) return
        setDesktop(info.mode === 'desktop')
        setFolder((chosen) => chosen || defaultFolder)
      })
      .catch((error: unknown) => {
        if (current) setProblem(userMessage(error))
      })
    return () => {
      current = false
    }
  }, [])

  async function chooseFolder() {
    setProblem(null)
    try {
      const picked = await api.exports.pickFolder(folder)
      if (picked) setFolder(picked)
    } catch (error) {
      setProblem(userMessage(error))
    }
  }

  async function showInFolder(path: string) {
    try {
      await api.exports.showInFolder(path)
    } catch (error) {
      setProblem(userMessage(error))
    }
  }

  async function exportAs(format: ExportFormat) {
    setProblem(null)
    setWorking(format)
    try {
      const { path } = await api.exports.write(workshopId, format, folder)
      sessionStorage.setItem(LAST_FOLDER_KEY, folder)
      setSaved((before) => ({ ...before, [format]: path }))
    } catch (error) {
      setProblem(userMessage(error))
    } finally {
      setWorking(null)
    }
  }

  return (
    <div className="export-panel">
      <p className="export-panel__lede">
        Save {exports.what}. Each export is a new file; none is ever replaced.
      </p>

      <div className="field">
        <label htmlFor={folderId} className="field__label">
          Folder
        </label>
        <div className="export-panel__folder">
          <input
            id={folderId}
            type="text"
            className="field__input"
            value={folder}
            readOnly={desktop === true}
            maxLength={EXPORT_FOLDER_MAX_LENGTH}
            spellCheck={false}
            aria-describedby={folderHintId}
            onChange={(event) => setFolder(event.target.value)}
          />
          {desktop && (
            <button type="button" className="button" onClick={() => void chooseFolder()}>
              Choose folder…
            </button>
          )}
        </div>
        <p id={folderHintId} className="export-panel__hint">
          {desktop
            ? 'Files are saved in this folder.'
            : 'The full path of a folder on this computer; it is created if it does not exist.'}
        </p>
      </div>

      <ul className="export-formats" aria-label="Formats">
        {formatsOf(template).map((format) => (
          <li key={format} className="export-format">
            <button
              type="button"
              className="button"
              disabled={working !== null || desktop === null || !folder.trim()}
              aria-describedby={`${idPrefix}-${format}`}
              onClick={() => void exportAs(format)}
            >
              {EXPORT_FORMAT_INFO[format].label}
            </button>
            <span id={`${idPrefix}-${format}`} className="export-format__purpose">
              {working === format ? 'Saving…' : exports.formats[format]}
            </span>
            {/* Beside its button, so a press is seen to work on any screen. */}
            <div role="status" className="export-format__saved">
              {saved[format] && (
                <>
                  <span>
                    {`${EXPORT_FORMAT_INFO[format].label} saved as `}
                    <code className="export-panel__path">{saved[format]}</code>
                  </span>
                  {desktop && (
                    <button type="button" className="button button--small" onClick={() => void showInFolder(saved[format]!)}>
                      Show in folder
                    </button>
                  )}
                </>
              )}
            </div>
          </li>
        ))}
      </ul>

      {problem && (
        <p role="alert" className="field-message">
          {problem}
        </p>
      )}

    </div>
  )
}
