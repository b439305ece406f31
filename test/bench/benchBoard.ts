/**
 * The board every board and live-sync benchmark uses: three plain columns, as the
 * core-values board had before it became staged (26 Nov), so results stay comparable with
 * the earlier ones in BENCHMARKS.md. A journey-map workshop shows such a board as it is.
 */
import { TEMPLATES, type Template } from '../../shared/templates'

export const BENCH_BOARD: Template = { ...TEMPLATES['core-values'], columns: ['Ideas', 'Themes', 'Value candidates'] }
