/**
 * A short plain-text excerpt of a case's sanitised HTML, for chart labels. Shown as text (never as
 * HTML), so stripping tags with a pattern is enough: nothing here is trusted to be safe markup.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

export function plain(html: string, max: number): string {
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (whole, e: string) => ENTITIES[e] ?? whole)
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
