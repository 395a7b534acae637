/**
 * Links pasted from a chat: what the chat or the sentence around it added to the end of the link.
 * Kept free of imports, because the router (in the player's main chunk) uses it.
 */
const PASTED = /[\s\p{Po}\p{Ps}\p{Pe}\p{Pi}\p{Pf}]$/u;

/**
 * A link pasted from a chat often drags the sentence's end along ("…链接。", "（链接）", a space).
 * No route ends in such a character (ids and payloads end in a letter, digit, `-` or `_`), so they
 * are dropped, whether the browser shows them as typed or percent-encoded.
 */
export function trimPasted(path: string): string {
  let p = path;
  for (;;) {
    if (PASTED.test(p)) {
      p = p.slice(0, -1);
      continue;
    }
    const escapes = /(?:%[0-9A-Fa-f]{2}){1,3}$/.exec(p)?.[0];
    let cut = 0;
    for (let k = 1; escapes && k <= escapes.length / 3 && !cut; k++) {
      try {
        if (PASTED.test(decodeURIComponent(escapes.slice(-3 * k))) && decodeURIComponent(escapes.slice(-3 * k)).length === 1) cut = 3 * k;
      } catch {
        // Not a whole character yet: try one more byte.
      }
    }
    if (!cut) return p;
    p = p.slice(0, -cut);
  }
}
