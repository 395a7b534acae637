/**
 * The case a new author starts from in the studio: `scenarios/_template.md`, the same file the guide
 * links to (one source). It shows every idea once — a narration-only step, a flag set and tested,
 * a conditional reply, a `go to` reaction, a broken rule, three endings and the real seller's path —
 * and passes the checker with no diagnostic at all (a unit test keeps it that way).
 */
import source from '../../../scenarios/_template.md?raw';

export const TEMPLATE: string = source;
