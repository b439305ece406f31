import { NOTE_COLOURS, type NoteColour } from '../../../../shared/board'

const COLOUR_NAMES: Record<NoteColour, string> = {
  yellow: 'Yellow',
  pink: 'Pink',
  blue: 'Blue',
  green: 'Green',
  orange: 'Orange',
  purple: 'Purple'
}

interface ColourPaletteProps {
  current: NoteColour
  onChoose(colour: NoteColour): void
  onClose(): void
}

/** The colours a note can take, as toggle buttons; the note's own colour is the pressed one. */
export function ColourPalette({ current, onChoose, onClose }: ColourPaletteProps) {
  return (
    <div
      role="group"
      aria-label="Note colour"
      className="palette"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          onClose()
        }
      }}
    >
      {NOTE_COLOURS.map((colour) => (
        <button
          key={colour}
          type="button"
          className={`palette__swatch swatch--${colour}`}
          aria-pressed={colour === current}
          title={COLOUR_NAMES[colour]}
          autoFocus={colour === current}
          onClick={() => onChoose(colour)}
        >
          <span className="visually-hidden">{COLOUR_NAMES[colour]}</span>
        </button>
      ))}
    </div>
  )
}
