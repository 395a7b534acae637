/**
 * Reads a case's front matter: identity, order card, people, start, pass rule, objectives and
 * key phrases. Reports each wrong or missing field where it is written.
 */
import { didYouMean, type Reporter } from './diagnostics.ts';
import { indexFields, readText, rawOf, type Where } from './fields.ts';
import type { Field, Item } from './frontmatter.ts';
import { FRONT_MATTER_KEYS, matchKey, nearest, ORDER_KEYS, PASS_KEYS, PERSON_KEYS, TEXT_KEYS } from './keys.ts';
import type { Located } from './syntax.ts';
import type { Lang, OrderCard, PassRule, Person, Phrase, Rulebook, Text } from './types.ts';
import { isCurrency, readAmount, readDate, readList, readWhole, readYesNo } from './values.ts';

export const DEFAULT_START_SATISFACTION = 35;
export const DEFAULT_PASS: PassRule = { minSatisfaction: 60, minCompliance: 80, criticalFails: true };

const CASE_ID = /^[a-z0-9][a-z0-9-]*$/;
const LANGUAGE = /^(zh|en|zh-cn|英文|中文)$/;
const FM: Where = { zh: '前置元数据', en: 'the front matter' };

export interface Meta {
  id?: string;
  version: string;
  title?: Text;
  platform?: string;
  rulebook?: Rulebook;
  lang: Lang;
  disputeType?: Text;
  difficulty?: number;
  minutes?: number;
  order?: OrderCard;
  customer?: Person;
  seller?: Person;
  start?: string;
  startAt: Located;
  startSatisfaction: number;
  pass: PassRule;
  /** The rules the case sets out to practise, each where it is listed. */
  objectives: { id: string; at: Located }[];
  phrases: { phrase: Phrase; at: Located }[];
  source?: string;
}

type Fields = Partial<Record<keyof typeof FRONT_MATTER_KEYS, Field>>;

/** What every part of the front matter is read with. */
interface Reading {
  f: Fields;
  lang: Lang;
  report: Reporter;
  /** Report a required field as missing, unless its line was unreadable (reported already). */
  missing(field: string): void;
  invalid(fd: Field, field: string, zh: string, en: string): void;
}

/**
 * `broken`: top-level keys whose lines YAML could not read (already reported), so not "missing".
 * `looked`: where rulebooks were looked for, named when one is not found.
 */
export function readMeta(
  fields: Field[],
  report: Reporter,
  rulebooks: Record<string, Rulebook> = {},
  broken: readonly string[] = [],
  looked: readonly string[] = ['scenarios/rulebooks/'],
): Meta {
  const unreadable = new Set(broken.map((k) => matchKey(FRONT_MATTER_KEYS, k)?.key));
  // A key with nothing after it (`title:`) is as good as missing.
  const f: Fields = indexFields(fields.filter((fd) => fd.value !== null && fd.value !== ''), FRONT_MATTER_KEYS, FM, report);
  const invalid = (fd: Field, field: string, zh: string, en: string) =>
    report.report('FIELD_INVALID', fd.line, fd.column, { field, value: rawOf(fd), zh, en });
  const missing = (field: string) => {
    if (!unreadable.has(matchKey(FRONT_MATTER_KEYS, field)?.key))
      report.report('FIELD_MISSING', 1, 1, { field }, { zh: `在前置元数据中加上 ${field}: …`, en: `Add ${field}: … to the front matter.` });
  };
  const r: Reading = { f, lang: readLanguage(f.language, invalid), report, missing, invalid };
  const meta: Meta = {
    version: f.version ? rawOf(f.version) : '1',
    lang: r.lang,
    startAt: f.start ? { line: f.start.line, column: f.start.column } : { line: 1, column: 1 },
    startSatisfaction: DEFAULT_START_SATISFACTION,
    pass: { ...DEFAULT_PASS },
    objectives: [],
    phrases: [],
  };
  readIdentity(r, meta);
  meta.rulebook = readRulebook(r, rulebooks, looked);
  readSize(r, meta);
  readParties(r, meta);
  if (!f.start) missing('start');
  else meta.start = rawOf(f.start).trim();
  if (f.satisfaction) readStartSatisfaction(r, f.satisfaction, meta);
  if (f.pass) readPass(r, f.pass, meta.pass);
  if (f.rules) meta.objectives = readObjectives(f.rules);
  if (f.source) meta.source = rawOf(f.source).trim();
  meta.phrases = readPhrases(r, f.phrases);
  return meta;
}

/** The language of prose written without a language tag; Chinese unless it says English. */
function readLanguage(field: Field | undefined, invalid: Reading['invalid']): Lang {
  const raw = field ? rawOf(field).trim().toLowerCase() : 'zh';
  if (field && !LANGUAGE.test(raw)) invalid(field, 'language', '只能是 zh 或 en。', 'must be zh or en.');
  return raw.startsWith('en') || raw === '英文' ? 'en' : 'zh';
}

function readIdentity({ f, lang, report, missing, invalid }: Reading, meta: Meta): void {
  if (!f.id) missing('id');
  else if (!CASE_ID.test(rawOf(f.id))) invalid(f.id, 'id', '只能用小写字母、数字和连字符，如 aliexpress-price-drop。', 'use lowercase letters, digits and hyphens, e.g. aliexpress-price-drop.');
  else meta.id = rawOf(f.id);
  if (!f.title) missing('title');
  else meta.title = readText(f.title, lang, report, FM);
  if (!f.platform) missing('platform');
  else meta.platform = rawOf(f.platform);
  if (f['dispute type']) meta.disputeType = readText(f['dispute type'], lang, report, FM);
}

function readRulebook({ f, report, missing }: Reading, rulebooks: Record<string, Rulebook>, looked: readonly string[]): Rulebook | undefined {
  if (!f.rulebook) {
    missing('rulebook');
    return undefined;
  }
  const id = rawOf(f.rulebook).trim();
  const rulebook = rulebooks[id];
  if (rulebook) return rulebook;
  const guess = nearest(id, Object.keys(rulebooks));
  report.report('RULEBOOK_NOT_FOUND', f.rulebook.line, f.rulebook.column, { id, looked: looked.join(', ') }, guess ? didYouMean(guess) : {
    zh: `把规则库放在其中一处（${id}.md），或用 --rulebooks 文件夹 指定。改好之前，无法检查回复引用的规则。`,
    en: `Put the rulebook (${id}.md) in one of these places, or name its folder with --rulebooks. Until then, the rules the replies cite cannot be checked.`,
  });
  return undefined;
}

/** Difficulty (1–5) and minutes to play (1–240). */
function readSize({ f, invalid }: Reading, meta: Meta): void {
  for (const [key, lo, hi] of [['difficulty', 1, 5], ['minutes', 1, 240]] as const) {
    const fd = f[key];
    if (!fd) continue;
    const n = readWhole(rawOf(fd));
    if (!n.ok || n.value < lo || n.value > hi) invalid(fd, key, `应为 ${lo}–${hi} 的整数。`, `expected a whole number ${lo}–${hi}.`);
    else meta[key] = n.value;
  }
}

/** The order card, the customer and the seller. */
function readParties(r: Reading, meta: Meta): void {
  const { f, missing } = r;
  if (!f.order) missing('order');
  else meta.order = readOrder(f.order, r);
  if (!f.customer) missing('customer');
  else meta.customer = readPerson(f.customer, 'customer', r);
  if (!f.seller) missing('seller');
  else meta.seller = readPerson(f.seller, 'seller', r);
}

function readStartSatisfaction({ report, invalid }: Reading, fd: Field, meta: Meta): void {
  const n = readWhole(rawOf(fd));
  if (!n.ok) report.report('SATISFACTION_NOT_WHOLE', fd.line, fd.column, { value: rawOf(fd) });
  else if (n.value < 0 || n.value > 100) invalid(fd, 'satisfaction', '应在 0–100 之间。', 'must be between 0 and 100.');
  else meta.startSatisfaction = n.value;
}

function readPass({ report, invalid }: Reading, field: Field, pass: PassRule): void {
  const p = indexFields(field.fields ?? [], PASS_KEYS, { zh: 'pass', en: 'pass' }, report);
  for (const [key, prop] of [['satisfaction', 'minSatisfaction'], ['compliance', 'minCompliance']] as const) {
    const fd = p[key];
    if (!fd) continue;
    const n = readWhole(rawOf(fd));
    if (!n.ok || n.value < 0 || n.value > 100) invalid(fd, `pass.${key}`, '应为 0–100 的整数。', 'expected a whole number 0–100.');
    else pass[prop] = n.value;
  }
  const cf = p['critical fails'];
  if (!cf) return;
  const b = readYesNo(rawOf(cf));
  if (!b.ok) invalid(cf, 'pass.critical fails', b.zh, b.en);
  else pass.criticalFails = b.value;
}

/** `rules: P-A, P-B` or a list of them. */
function readObjectives(field: Field): Meta['objectives'] {
  const items: Item[] = field.items ?? [{ line: field.line, column: field.column, value: field.value }];
  return items.flatMap((item) => readList(String(item.value ?? '')).map((id) => ({ id, at: { line: item.line, column: item.column } })));
}

/** `phrases:`, a list of `{en: …, zh: …}`. */
function readPhrases({ report, invalid }: Reading, field: Field | undefined): Meta['phrases'] {
  if (field && !field.items)
    invalid(field, 'phrases', '应是列表：每行以 - 开头，写成 - {en: …, zh: …}。', 'must be a list: one “- {en: …, zh: …}” line per phrase.');
  const phrases: Meta['phrases'] = [];
  for (const item of field?.items ?? []) {
    const t: Text = {};
    for (const fd of item.fields ?? []) {
      const m = matchKey(TEXT_KEYS, fd.key);
      if (m) t[m.key] = rawOf(fd);
      else report.report('UNKNOWN_KEY', fd.keyAt.line, fd.keyAt.column, { key: fd.key, where: 'phrases', whereEn: 'phrases' }, { zh: '每个关键句写 en 和 zh。', en: 'Each phrase has en and zh.' });
    }
    const at = { line: item.line, column: item.column };
    if (t.en && t.zh) phrases.push({ phrase: { en: t.en, zh: t.zh }, at });
    else if (item.fields) report.report('FIELD_MISSING', at.line, at.column, { field: 'phrases: en, zh' });
    else report.report('FIELD_INVALID', at.line, at.column, { field: 'phrases', value: String(item.value), zh: '每项写成 {en: …, zh: …}。', en: 'write each as {en: …, zh: …}.' });
  }
  return phrases;
}

const ORDER_FIELDS = ['number', 'item', 'amount', 'currency', 'created', 'status', 'dispute reason'] as const;

function readOrder(field: Field, { lang, report }: Reading): OrderCard | undefined {
  const where = { zh: '订单 order', en: 'order' };
  if (!field.fields) {
    report.report('FIELD_INVALID', field.line, field.column, { field: 'order', value: rawOf(field), zh: '应包含 number、item、amount 等子项（每行缩进两个空格）。', en: 'must hold number, item, amount and the rest, each on its own indented line.' });
    return undefined;
  }
  const f = indexFields(field.fields, ORDER_KEYS, where, report);
  for (const key of ORDER_FIELDS) if (!f[key]) report.report('FIELD_MISSING', field.keyAt.line, field.keyAt.column, { field: `order.${key}` });
  const { number, item, amount, currency, created, status } = f;
  const reason = f['dispute reason'];
  if (!number || !item || !amount || !currency || !created || !status || !reason) return undefined;
  const code = rawOf(currency).trim().toUpperCase();
  if (!isCurrency(code)) {
    report.report('FIELD_INVALID', currency.line, currency.column, { field: 'order.currency', value: code, zh: '应为 ISO 4217 币种代码，如 USD、EUR。', en: 'use an ISO 4217 code such as USD or EUR.' });
    return undefined;
  }
  const total = readAmount(rawOf(amount), code);
  if (!total.ok) {
    report.report('AMOUNT_INVALID', amount.line, amount.column, { value: rawOf(amount), currency: code }, { zh: total.zh, en: total.en });
    return undefined;
  }
  const date = readDate(rawOf(created));
  if (!date.ok) {
    report.report('FIELD_INVALID', created.line, created.column, { field: 'order.created', value: rawOf(created), zh: date.zh, en: date.en });
    return undefined;
  }
  const text = (fd: Field) => readText(fd, lang, report, where) ?? { [lang]: '' };
  return { number: rawOf(number), item: text(item), total: total.value, created: date.value, status: text(status), disputeReason: text(reason) };
}

function readPerson(field: Field, role: string, { lang, report }: Reading): Person | undefined {
  if (typeof field.value === 'string') return { name: field.value };
  const f = indexFields(field.fields ?? [], PERSON_KEYS, { zh: role, en: role }, report);
  if (!f.name) {
    report.report('FIELD_MISSING', field.keyAt.line, field.keyAt.column, { field: `${role}.name` });
    return undefined;
  }
  const p: Person = { name: rawOf(f.name) };
  if (f.country) p.country = readText(f.country, lang, report, FM);
  if (f.shop) p.shop = readText(f.shop, lang, report, FM);
  return p;
}
