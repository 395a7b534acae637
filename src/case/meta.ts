/**
 * Reads a case's front matter: identity, order card, people, start, pass rule, objectives and
 * key phrases. Reports each wrong or missing field where it is written.
 */
import { didYouMean, type Reporter } from './diagnostics.ts';
import { indexFields, readText, rawOf, type Where } from './fields.ts';
import type { Field } from './frontmatter.ts';
import { FRONT_MATTER_KEYS, matchKey, nearest, ORDER_KEYS, PASS_KEYS, PERSON_KEYS, TEXT_KEYS } from './keys.ts';
import type { Lang, OrderCard, PassRule, Person, Phrase, Rulebook, Text } from './types.ts';
import { isCurrency, readAmount, readDate, readList, readWhole, readYesNo } from './values.ts';

export const DEFAULT_START_SATISFACTION = 35;
export const DEFAULT_PASS: PassRule = { minSatisfaction: 60, minCompliance: 80, criticalFails: true };

const CASE_ID = /^[a-z0-9][a-z0-9-]*$/;
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
  startAt: { line: number; column: number };
  startSatisfaction: number;
  pass: PassRule;
  objectives: string[];
  objectivesAt: { id: string; line: number; column: number }[];
  phrases: Phrase[];
  phrasesAt: { line: number; column: number }[];
  source?: string;
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
  const f = indexFields(
    // A key with nothing after it (`title:`) is as good as missing.
    fields.filter((fd) => fd.value !== null && fd.value !== ''),
    FRONT_MATTER_KEYS,
    FM,
    report,
  );
  const missing = (field: string) =>
    unreadable.has(field as keyof typeof FRONT_MATTER_KEYS) ||
    report.report('FIELD_MISSING', 1, 1, { field }, { zh: `在前置元数据中加上 ${field}: …`, en: `Add ${field}: … to the front matter.` });
  const invalid = (fd: Field, field: string, zh: string, en: string) =>
    report.report('FIELD_INVALID', fd.line, fd.column, { field, value: rawOf(fd), zh, en });

  const langRaw = f.language ? rawOf(f.language).trim().toLowerCase() : 'zh';
  const lang: Lang = langRaw.startsWith('en') || langRaw === '英文' ? 'en' : 'zh';
  if (f.language && !/^(zh|en|zh-cn|英文|中文)$/.test(langRaw)) invalid(f.language, 'language', '只能是 zh 或 en。', 'must be zh or en.');

  const meta: Meta = {
    version: f.version ? rawOf(f.version) : '1',
    lang,
    startAt: f.start ? { line: f.start.line, column: f.start.column } : { line: 1, column: 1 },
    startSatisfaction: DEFAULT_START_SATISFACTION,
    pass: { ...DEFAULT_PASS },
    objectives: [],
    objectivesAt: [],
    phrases: [],
    phrasesAt: [],
  };

  if (!f.id) missing('id');
  else if (!CASE_ID.test(rawOf(f.id))) invalid(f.id, 'id', '只能用小写字母、数字和连字符，如 aliexpress-price-drop。', 'use lowercase letters, digits and hyphens, e.g. aliexpress-price-drop.');
  else meta.id = rawOf(f.id);

  if (!f.title) missing('title');
  else meta.title = readText(f.title, lang, report, FM);
  if (!f.platform) missing('platform');
  else meta.platform = rawOf(f.platform);
  if (f['dispute type']) meta.disputeType = readText(f['dispute type'], lang, report, FM);

  if (!f.rulebook) missing('rulebook');
  else {
    const id = rawOf(f.rulebook).trim();
    meta.rulebook = rulebooks[id];
    if (!meta.rulebook) {
      const guess = nearest(id, Object.keys(rulebooks));
      report.report('RULEBOOK_NOT_FOUND', f.rulebook.line, f.rulebook.column, { id, looked: looked.join(', ') }, guess ? didYouMean(guess) : {
        zh: `把规则库放在其中一处（${id}.md），或用 --rulebooks 文件夹 指定。改好之前，无法检查回复引用的规则。`,
        en: `Put the rulebook (${id}.md) in one of these places, or name its folder with --rulebooks. Until then, the rules the replies cite cannot be checked.`,
      });
    }
  }

  for (const [key, lo, hi] of [['difficulty', 1, 5], ['minutes', 1, 240]] as const) {
    const fd = f[key];
    if (!fd) continue;
    const n = readWhole(rawOf(fd));
    if (!n.ok || n.value < lo || n.value > hi) invalid(fd, key, `应为 ${lo}–${hi} 的整数。`, `expected a whole number ${lo}–${hi}.`);
    else meta[key] = n.value;
  }

  if (!f.order) missing('order');
  else meta.order = readOrder(f.order, lang, report);
  if (!f.customer) missing('customer');
  else meta.customer = readPerson(f.customer, 'customer', lang, report);
  if (!f.seller) missing('seller');
  else meta.seller = readPerson(f.seller, 'seller', lang, report);

  if (!f.start) missing('start');
  else meta.start = rawOf(f.start).trim();

  if (f.satisfaction) {
    const n = readWhole(rawOf(f.satisfaction));
    if (!n.ok) report.report('SATISFACTION_NOT_WHOLE', f.satisfaction.line, f.satisfaction.column, { value: rawOf(f.satisfaction) });
    else if (n.value < 0 || n.value > 100) invalid(f.satisfaction, 'satisfaction', '应在 0–100 之间。', 'must be between 0 and 100.');
    else meta.startSatisfaction = n.value;
  }

  if (f.pass) {
    const p = indexFields(f.pass.fields ?? [], PASS_KEYS, { zh: 'pass', en: 'pass' }, report);
    for (const [key, prop] of [['satisfaction', 'minSatisfaction'], ['compliance', 'minCompliance']] as const) {
      const fd = p[key];
      if (!fd) continue;
      const n = readWhole(rawOf(fd));
      if (!n.ok || n.value < 0 || n.value > 100) invalid(fd, `pass.${key}`, '应为 0–100 的整数。', 'expected a whole number 0–100.');
      else meta.pass[prop] = n.value;
    }
    const cf = p['critical fails'];
    if (cf) {
      const b = readYesNo(rawOf(cf));
      if (!b.ok) invalid(cf, 'pass.critical fails', b.zh, b.en);
      else meta.pass.criticalFails = b.value;
    }
  }

  if (f.rules) {
    const items = f.rules.items ?? [{ line: f.rules.line, column: f.rules.column, value: f.rules.value }];
    for (const item of items)
      for (const id of readList(String(item.value ?? ''))) {
        meta.objectives.push(id);
        meta.objectivesAt.push({ id, line: item.line, column: item.column });
      }
  }

  if (f.source) meta.source = rawOf(f.source).trim();

  if (f.phrases && !f.phrases.items)
    invalid(f.phrases, 'phrases', '应是列表：每行以 - 开头，写成 - {en: …, zh: …}。', 'must be a list: one “- {en: …, zh: …}” line per phrase.');
  for (const item of f.phrases?.items ?? []) {
    const t: Text = {};
    for (const fd of item.fields ?? []) {
      const m = matchKey(TEXT_KEYS, fd.key);
      if (m) t[m.key] = rawOf(fd);
      else report.report('UNKNOWN_KEY', fd.keyAt.line, fd.keyAt.column, { key: fd.key, where: 'phrases', whereEn: 'phrases' }, { zh: '每个关键句写 en 和 zh。', en: 'Each phrase has en and zh.' });
    }
    if (t.en && t.zh) {
      meta.phrases.push({ en: t.en, zh: t.zh });
      meta.phrasesAt.push({ line: item.line, column: item.column });
    }
    else if (item.fields) report.report('FIELD_MISSING', item.line, item.column, { field: 'phrases: en, zh' });
    else report.report('FIELD_INVALID', item.line, item.column, { field: 'phrases', value: String(item.value), zh: '每项写成 {en: …, zh: …}。', en: 'write each as {en: …, zh: …}.' });
  }
  return meta;
}

function readOrder(field: Field, lang: Lang, report: Reporter): OrderCard | undefined {
  const where = { zh: '订单 order', en: 'order' };
  if (!field.fields) {
    report.report('FIELD_INVALID', field.line, field.column, { field: 'order', value: rawOf(field), zh: '应包含 number、item、amount 等子项（每行缩进两个空格）。', en: 'must hold number, item, amount and the rest, each on its own indented line.' });
    return undefined;
  }
  const f = indexFields(field.fields, ORDER_KEYS, where, report);
  let ok = true;
  for (const key of ['number', 'item', 'amount', 'currency', 'created', 'status', 'dispute reason'] as const)
    if (!f[key]) {
      report.report('FIELD_MISSING', field.keyAt.line, field.keyAt.column, { field: `order.${key}` });
      ok = false;
    }
  if (!ok) return undefined;
  const currency = rawOf(f.currency!).trim().toUpperCase();
  if (!isCurrency(currency)) {
    report.report('FIELD_INVALID', f.currency!.line, f.currency!.column, { field: 'order.currency', value: currency, zh: '应为 ISO 4217 币种代码，如 USD、EUR。', en: 'use an ISO 4217 code such as USD or EUR.' });
    return undefined;
  }
  const amount = readAmount(rawOf(f.amount!), currency);
  if (!amount.ok) {
    report.report('AMOUNT_INVALID', f.amount!.line, f.amount!.column, { value: rawOf(f.amount!), currency }, { zh: amount.zh, en: amount.en });
    return undefined;
  }
  const created = readDate(rawOf(f.created!));
  if (!created.ok) {
    report.report('FIELD_INVALID', f.created!.line, f.created!.column, { field: 'order.created', value: rawOf(f.created!), zh: created.zh, en: created.en });
    return undefined;
  }
  const text = (k: 'item' | 'status' | 'dispute reason') => readText(f[k]!, lang, report, where) ?? { [lang]: '' };
  return {
    number: rawOf(f.number!),
    item: text('item'),
    total: amount.value,
    created: created.value,
    status: text('status'),
    disputeReason: text('dispute reason'),
  };
}

function readPerson(field: Field, role: string, lang: Lang, report: Reporter): Person | undefined {
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
