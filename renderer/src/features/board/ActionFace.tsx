import { useBoardOptions } from './boardOptions'

/**
 * What a card's or header's small action button shows: its word, or on narrow cards
 * (BoardOptions.narrowCards) a symbol, so a fitted map's notes keep their actions on one line.
 * The word stays for screen readers; the button's title shows it on hover.
 */
export function ActionFace({ symbol, word }: { symbol: string; word: string }) {
  const { narrowCards } = useBoardOptions()
  if (!narrowCards) return word
  return (
    <>
      <span className="note__action-symbol" aria-hidden="true">
        {symbol}
      </span>
      <span className="visually-hidden">{word}</span>
    </>
  )
}
