/** Where opening a board has got to: the facilitator's from disk, a participant's from the room. */
export type BoardOpening<Board> =
  | { status: 'opening' }
  | { status: 'failed'; message: string }
  | { status: 'open'; board: Board }
