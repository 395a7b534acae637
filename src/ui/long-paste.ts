/**
 * A pasted text far longer than anything a person reads in a field (a megabytes-long "link" or a
 * whole chat log) is handled as it is pasted and never put into the field: the browser takes
 * seconds to lay out and validate such a value, while the check itself takes no time. Shorter texts
 * paste as usual.
 */
export const LONG_PASTE = 20_000;

/** A `paste` handler that gives a text over `LONG_PASTE` characters to `handle` instead of the field. */
export function onLongPaste(handle: (text: string) => void): (event: ClipboardEvent) => void {
  return (event) => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (text.length <= LONG_PASTE) return;
    event.preventDefault();
    handle(text);
  };
}
