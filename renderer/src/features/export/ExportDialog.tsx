import type { WorkshopSummary } from '../../../../shared/workshop'
import { Dialog } from '../../ui/Dialog'
import { ExportPanel } from './ExportPanel'

interface ExportDialogProps {
  workshop: WorkshopSummary
  onClose(): void
}

export function ExportDialog({ workshop, onClose }: ExportDialogProps) {
  return (
    <Dialog title={`Export “${workshop.title}”`} onClose={onClose}>
      <ExportPanel workshopId={workshop.id} template={workshop.template} />
      <div className="dialog__actions">
        <button type="button" className="button" data-autofocus onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}
