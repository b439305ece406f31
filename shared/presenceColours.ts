/**
 * The dot colours of people on a live board. The host gives each participant's link the
 * least-used one (electron/host/hubRoom.ts), so a room of 30 shows 30 different colours, and
 * a laptop's presence can only ever carry one of these, never arbitrary CSS.
 *
 * Fifteen hues round the colour wheel, each dark (contrast ≥ 7:1 on white) and medium (≥ 3.4:1,
 * enough for a dot beside a name), ordered so that people who join one after another get hues far
 * apart, and the dark set before the medium one.
 */
export const FACILITATOR_COLOUR = '#2a56c6'

export const PARTICIPANT_COLOURS = [
  '#a31e12', '#0a5e54', '#5e540a', '#3e2ee8', '#81450e', '#0b6034', '#9012a1', '#26600b',
  '#0e5b7a', '#a51241', '#455c0a', '#7217d3', '#0b6312', '#9c1175', '#154bbe',
  '#eb5b4e', '#119c8c', '#9c8c11', '#7f75f0', '#d17117', '#129e56', '#d94ceb', '#3e9e12',
  '#1694c5', '#ec5383', '#719711', '#ab6cef', '#12a11e', '#eb47bc', '#5787ec'
] as const

export const PRESENCE_COLOURS = [FACILITATOR_COLOUR, ...PARTICIPANT_COLOURS] as const
export type PresenceColour = (typeof PRESENCE_COLOURS)[number]

/** The participant colour least used among `taken`, the earliest in the order on a tie. */
export function leastUsedColour(taken: readonly string[]): PresenceColour {
  let best: PresenceColour = PARTICIPANT_COLOURS[0]
  let fewest = Infinity
  for (const colour of PARTICIPANT_COLOURS) {
    const uses = taken.filter((used) => used === colour).length
    if (uses < fewest) {
      best = colour
      fewest = uses
    }
  }
  return best
}
