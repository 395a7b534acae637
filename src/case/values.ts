/**
 * Readers for the small values authors type: money, dates, times, whole numbers, yes/no, lists
 * of ids and conditions. Each returns the value or a reason in both languages, never throws.
 */
import type { ComparisonOp, Condition, Money, Test } from './types.ts';

export type Read<T> = { ok: true; value: T } | { ok: false; zh: string; en: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = <T>(zh: string, en: string): Read<T> => ({ ok: false, zh, en });

const NOT_ASCII = /[^\x00-\x7f]/;

/** Full-width digits, signs and punctuation to their ASCII forms. */
export function halfWidth(s: string): string {
  // NFKC leaves plain ASCII, as most values are, as it is.
  return NOT_ASCII.test(s) ? s.normalize('NFKC').replace(/[−–—]/g, '-') : s;
}

let currencies: Set<string> | undefined;
export function isCurrency(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(code);
}

/** Digits after the decimal point for a currency: 2 for USD, 0 for JPY. */
const digitsByCurrency = new Map<string, number>();
export function minorDigits(currency: string): number {
  let d = digitsByCurrency.get(currency);
  if (d === undefined) {
    d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, d);
  }
  return d;
}

/** `80.00` in USD → 8000. */
export function readAmount(raw: string, currency: string): Read<Money> {
  let s = halfWidth(raw).trim();
  if (/^\d+,\d{1,2}$/.test(s))
    return no('小数点请用英文句点：写 20.00，不要写 20,00。', 'Use a decimal point: write 20.00, not 20,00.');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return no('金额应写成数字，如 8.00。', 'Write the amount as a number, e.g. 8.00.');
  const digits = minorDigits(currency);
  const fraction = m[2] ?? '';
  if (fraction.length > digits)
    return no(`${currency} 最多 ${digits} 位小数。`, `${currency} has at most ${digits} decimal places.`);
  const amount = Number(m[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || 0);
  if (!Number.isSafeInteger(amount)) return no('金额太大。', 'The amount is too large.');
  return ok({ amount, currency });
}

export function moneyText(m: Money): string {
  const d = minorDigits(m.currency);
  return `${(m.amount / 10 ** d).toFixed(d)} ${m.currency}`;
}

/** ISO date `2018-04-30`; single-digit month and day are accepted and padded. */
export function readDate(raw: string): Read<string> {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(halfWidth(raw).trim());
  if (!m) return no('日期应写成 2018-04-30。', 'Write dates as 2018-04-30.');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return no('没有这一天。', 'There is no such day.');
  return ok(`${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

/** `2018-05-03 19:56:24` (seconds optional, `T` or space) → `2018-05-03T19:56:24`. */
export function readTime(raw: string): Read<string> {
  const m = /^(\d{4}-\d{1,2}-\d{1,2})[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(halfWidth(raw).trim());
  if (!m) return no('时间应写成 2018-05-03 19:56 或 2018-05-03 19:56:24。', 'Write times as 2018-05-03 19:56 or 2018-05-03 19:56:24.');
  const date = readDate(m[1] ?? '');
  if (!date.ok) return date;
  const [h, mi, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return no('时、分或秒超出范围。', 'Hour, minute or second out of range.');
  const pad = (n: number) => String(n).padStart(2, '0');
  return ok(`${date.value}T${pad(h)}:${pad(mi)}:${pad(s)}`);
}

/** A signed whole number such as `+10`, `-5`, `0`, `＋10`. */
export function readWhole(raw: string): Read<number> {
  const n = wholeNumber(raw);
  return n === undefined ? no('应为整数，如 +10 或 -5。', 'Expected a whole number such as +10 or -5.') : ok(n);
}

const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** readWhole's number, or undefined when the text is not a whole number (`+10.0` is). */
export function wholeNumber(raw: string): number | undefined {
  const s = halfWidth(raw).trim().replace(/\s+/g, '');
  if (!NUMBER.test(s)) return undefined;
  const n = Number(s);
  return Number.isInteger(n) ? n : undefined;
}

const YES = new Set(['yes', 'true', 'y', '是', '对', '真', '1']);
const NO = new Set(['no', 'false', 'n', '否', '不', '假', '0', '']);
export function readYesNo(raw: string): Read<boolean> {
  const s = halfWidth(raw).trim().toLowerCase();
  if (YES.has(s)) return ok(true);
  if (NO.has(s)) return ok(false);
  return no('应为 yes 或 no（是/否）。', 'Expected yes or no.');
}

/** `P-A, P-B、P-C` → ids, in order, without blanks. */
export function readList(raw: string): string[] {
  if (!raw) return [];
  return halfWidth(raw)
    .split(/[,、;]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const OPS: Record<string, ComparisonOp> = { '<': '<', '<=': '<=', '>': '>', '>=': '>=', '=': '=', '==': '=', '≤': '<=', '≥': '>=' };
const SAT_WORDS = /^(satisfaction|满意度)\s*(<=|>=|==|<|>|=|≤|≥)\s*([+-]?\d+)$/i;
const FLAG = /^[\p{L}\p{N}_-]+$/u;
const NOT_WORDS = /^(not\s+|!\s*|没有\s*|未\s*)/i;

/** `satisfaction < 30 and not apologised` → tests that must all hold. */
export function readCondition(raw: string): Read<Condition> {
  const source = raw.trim();
  const parts = halfWidth(source)
    .split(/\s+and\s+|\s*并且\s*|\s*且\s*|,/i)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) return no('条件是空的。', 'The condition is empty.');
  const tests: Test[] = [];
  for (const part of parts) {
    const sat = SAT_WORDS.exec(part);
    const op = OPS[sat?.[2] ?? ''];
    if (sat && op) {
      tests.push({ kind: 'satisfaction', op, value: Number(sat[3]) });
      continue;
    }
    if (/^(satisfaction|满意度)/i.test(part))
      return no(`“${part}” 应写成 satisfaction < 30 这样的比较。`, `“${part}” should be a comparison such as satisfaction < 30.`);
    const negated = NOT_WORDS.exec(part);
    const flag = negated ? part.slice(negated[0].length).trim() : part;
    if (!FLAG.test(flag))
      return no(`“${part}” 不是标记名，也不是满意度比较。`, `“${part}” is neither a flag name nor a satisfaction comparison.`);
    tests.push({ kind: 'flag', flag, present: !negated });
  }
  return ok({ source, tests });
}
