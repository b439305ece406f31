/** Marks what "Everyone follows me" can bring into view on every screen: a cluster, a value. */
export const FOLLOW_KEY = 'data-follow-key'

/** The attribute for one followable thing, spread onto its element. */
export const followable = (kind: 'column' | 'value', id: string) => ({ [FOLLOW_KEY]: `${kind}:${id}` })
