/**
 * The longest address hash the site reads: an assignment link at its size limit
 * (`MAX_PACKED_CHARS` in `src/assignment/pack.ts`) and a little more. A longer one is no link this
 * site made, so it is dropped from the address before the page loads (the browser slows down on
 * every address it works out relative to a page whose own address is megabytes long) and the page
 * says the link was too long. Kept in a module of its own so the build can read it too.
 */
export const LONGEST_HASH = 600_100;
export const TOO_LONG_HASH = '#/too-long';
