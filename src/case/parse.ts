/**
 * Reads a case file into a `Case` plus every diagnostic. Never throws on an author's mistake.
 *
 * ```md
 * ---
 * id: my-case
 * title: {zh: 标题, en: Title}
 * …
 * start: first
 * ---
 * # Dialogue
 * ## first
 * > Where is my parcel?
 * 1. Let me check the tracking for you right away.
 *    - next: resolved
 *    - satisfaction: +10
 *    - feedback: 先回应，再查物流。
 * # Endings
 * ## resolved
 * - result: resolved
 * - outcome: 买家收到了包裹。
 * ```
 *
 * One typo yields one diagnostic: a reference that cannot be resolved is reported where it is
 * written, and the checks that depend on it are skipped rather than repeated.
 */
import { didYouMean, Reporter } from './diagnostics.ts';
import { indexFields, indexKeys, readText, rawOf, type IndexedKeys, type Where } from './fields.ts';
import { splitFrontMatter, type Field } from './frontmatter.ts';
import { checkGraph } from './graph.ts';
import {
  ENDING_KEYS,
  FRONT_MATTER_KEYS,
  matchKey,
  nearest,
  NODE_KEYS,
  ORDER_KEYS,
  PASS_KEYS,
  PERSON_KEYS,
  REPLY_KEYS,
  SECTIONS,
  TEXT_KEYS,
} from './keys.ts';
import { DEFAULT_PENALTIES } from './rulebook.ts';
import { scanBody, type EntryScan, type KeyEntry, type SectionScan } from './scan.ts';
import type {
  Case,
  CaseNode,
  Condition,
  Ending,
  EndingResult,
  Lang,
  Money,
  OrderCard,
  ParseResult,
  PassRule,
  Person,
  Phrase,
  Redirect,
  Reply,
  Rulebook,
  Text,
} from './types.ts';
import { isCurrency, moneyText, readAmount, readCondition, readDate, readList, readTime, readWhole, readYesNo } from './values.ts';

export interface ParseOptions {
  file?: string;
  /** Rulebooks by id; a case cites rules from the one its front matter names. */
  rulebooks?: Record<string, Rulebook>;
}

/** Files larger than this are refused before any parsing: a case is a few dozen kB. */
export const MAX_CASE_BYTES = 2_000_000;
export const DEFAULT_START_SATISFACTION = 35;
export const DEFAULT_PASS: PassRule = { minSatisfaction: 60, minCompliance: 80, criticalFails: true };

const ID = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;
const CASE_ID = /^[a-z0-9][a-z0-9-]*$/;
const FM: Where = { zh: '前置元数据', en: 'the front matter' };

const RESULTS: Record<string, EndingResult> = {
  resolved: 'resolved',
  已解决: 'resolved',
  解决: 'resolved',
  escalated: 'escalated',
  升级: 'escalated',
  lost: 'lost',
  流失: 'lost',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  取消: 'cancelled',
  failed: 'failed',
  失败: 'failed',
};
const PAYERS: Record<string, 'seller' | 'platform' | 'buyer'> = {
  seller: 'seller',
  卖家: 'seller',
  platform: 'platform',
  平台: 'platform',
  buyer: 'buyer',
  买家: 'buyer',
};

export function parseCase(source: string, options: ParseOptions = {}): ParseResult<Case> {
  const file = options.file ?? 'case.md';
  const report = new Reporter(file);
  if (source.length > MAX_CASE_BYTES) {
    report.report('CASE_TOO_LARGE', 1, 1, { size: `${Math.round(source.length / 1000)} kB`, limit: `${MAX_CASE_BYTES / 1000} kB` }, {
      zh: '把案例拆成几个较小的文件。',
      en: 'Split the case into smaller files.',
    });
    return { diagnostics: report.diagnostics };
  }
  if (source.includes('\u0000')) {
    report.report('FRONT_MATTER_MISSING', 1, 1, {}, { zh: '这似乎不是文本文件。', en: 'This does not look like a text file.' });
    return { diagnostics: report.diagnostics };
  }

  const split = splitFrontMatter(source, report);
  const meta = split.fields ? readMeta(split.fields, report, options.rulebooks) : undefined;
  const lang = meta?.lang ?? 'zh';

  const sections = scanBody(split.body, split.bodyLine, (h) => {
    const k = (matchKey(SECTIONS, h) ?? matchKey(SECTIONS, nearest(h, Object.keys(SECTIONS)) ?? ''))?.key;
    return k === 'dialogue' || k === 'endings';
  });
  const found = indexSections(sections, report);

  const nodes: Record<string, CaseNode> = {};
  const endings: Record<string, Ending> = {};
  const firstSeen = new Map<string, number>();
  const claim = (entry: EntryScan): string | undefined => {
    const id = entry.heading.trim();
    if (!ID.test(id)) {
      const slug = id.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
      report.report('ID_INVALID', entry.line, entry.headingColumn, { id }, slug ? didYouMean(slug) : undefined);
      return undefined;
    }
    const prior = firstSeen.get(id);
    if (prior !== undefined) {
      report.report('DUPLICATE_ID', entry.line, entry.headingColumn, { id, first: prior }, {
        zh: '给其中一个换一个名字，并修改指向它的 next。',
        en: 'Rename one of them and update the next keys that point to it.',
      });
      return undefined;
    }
    firstSeen.set(id, entry.line);
    return id;
  };

  for (const entry of found.dialogue?.[0]?.entries ?? []) {
    const id = claim(entry);
    if (id) nodes[id] = readNode(id, entry, lang, report);
  }
  for (const entry of found.endings?.[0]?.entries ?? []) {
    const id = claim(entry);
    if (id) endings[id] = readEnding(id, entry, lang, meta?.order?.total, report);
  }
  for (const s of [found.dialogue?.[0], found.endings?.[0]])
    if (s?.stray) report.report('TEXT_OUTSIDE_NODE', s.stray.line, s.stray.column, { section: s.heading });

  if (!meta) return { diagnostics: report.diagnostics };
  const rulebook = meta.rulebook;
  checkReferences(meta, nodes, endings, rulebook, report);
  checkGraph(meta.start, meta.startAt, nodes, endings, report);

  const required = meta.id && meta.title && meta.platform && meta.order && meta.customer && meta.seller && meta.start;
  if (report.hasErrors || !required || !rulebook) return { diagnostics: report.diagnostics };

  const cited = new Set<string>();
  for (const n of Object.values(nodes)) for (const r of n.replies) for (const id of [...r.follows, ...r.breaks]) cited.add(id);
  const rules = Object.fromEntries([...cited].map((id) => [id, rulebook.rules[id]]));

  const value: Case = {
    id: meta.id!,
    version: meta.version,
    title: meta.title!,
    platform: meta.platform!,
    rulebook: rulebook.id,
    lang,
    ...(meta.disputeType ? { disputeType: meta.disputeType } : {}),
    ...(meta.difficulty !== undefined ? { difficulty: meta.difficulty } : {}),
    ...(meta.minutes !== undefined ? { minutes: meta.minutes } : {}),
    order: meta.order!,
    customer: meta.customer!,
    seller: meta.seller!,
    start: meta.start!,
    startSatisfaction: meta.startSatisfaction,
    pass: meta.pass,
    objectives: meta.objectives,
    phrases: meta.phrases,
    ...(found.briefing ? { briefing: proseText(found.briefing, lang) } : {}),
    ...(found.analysis ? { analysis: proseText(found.analysis, lang) } : {}),
    nodes,
    endings,
    rules,
    penalties: rulebook.penalties ?? DEFAULT_PENALTIES,
  };
  return { value, diagnostics: report.diagnostics };
}

// ---------------------------------------------------------------------------------------------
// Front matter

interface Meta {
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
}

function readMeta(fields: Field[], report: Reporter, rulebooks: Record<string, Rulebook> = {}): Meta {
  const f = indexFields(fields, FRONT_MATTER_KEYS, FM, report);
  const missing = (field: string) =>
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
      report.report('RULEBOOK_NOT_FOUND', f.rulebook.line, f.rulebook.column, { id }, guess ? didYouMean(guess) : undefined);
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

  for (const item of f.phrases?.items ?? []) {
    const t: Text = {};
    for (const fd of item.fields ?? []) {
      const m = matchKey(TEXT_KEYS, fd.key);
      if (m) t[m.key] = rawOf(fd);
      else report.report('UNKNOWN_KEY', fd.keyAt.line, fd.keyAt.column, { key: fd.key, where: 'phrases', whereEn: 'phrases' }, { zh: '每个关键句写 en 和 zh。', en: 'Each phrase has en and zh.' });
    }
    if (t.en && t.zh) meta.phrases.push({ en: t.en, zh: t.zh });
    else if (item.fields) report.report('FIELD_MISSING', item.line, item.column, { field: 'phrases: en, zh' });
    else report.report('FIELD_INVALID', item.line, item.column, { field: 'phrases', value: String(item.value), zh: '每项写成 {en: …, zh: …}。', en: 'write each as {en: …, zh: …}.' });
  }
  return meta;
}

function readOrder(field: Field, lang: Lang, report: Reporter): OrderCard | undefined {
  const where = { zh: '订单 order', en: 'order' };
  const f = indexFields(field.fields ?? [], ORDER_KEYS, where, report);
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

// ---------------------------------------------------------------------------------------------
// Sections, nodes, replies, endings

interface FoundSections {
  briefing?: SectionScan[];
  dialogue?: SectionScan[];
  endings?: SectionScan[];
  analysis?: SectionScan[];
}

function indexSections(sections: SectionScan[], report: Reporter): FoundSections {
  const found: FoundSections = {};
  const seen = new Map<string, number>();
  for (const s of sections) {
    let m = matchKey(SECTIONS, s.heading);
    if (!m) {
      const guess = nearest(s.heading, Object.entries(SECTIONS).flatMap(([k, a]) => [k, ...a]));
      report.report('UNKNOWN_SECTION', s.line, s.headingColumn, { name: s.heading }, guess
        ? didYouMean(guess)
        : { zh: '一级标题只能是：Briefing（背景）、Dialogue（对话）、Endings（结局）、Analysis（案例分析）。', en: 'Top-level sections are Briefing, Dialogue, Endings and Analysis.' });
      // Read a near miss (`# Dialog`) as the section it was meant to be: one typo, one error.
      m = guess ? matchKey(SECTIONS, guess) : undefined;
      if (!m) continue;
    }
    const tag = `${m.key}:${m.lang ?? ''}`;
    const first = seen.get(tag);
    if (first !== undefined) {
      report.report('DUPLICATE_SECTION', s.line, s.headingColumn, { section: `# ${s.heading}`, first });
      continue;
    }
    seen.set(tag, s.line);
    if (m.lang && (m.key === 'briefing' || m.key === 'analysis')) (s as SectionScan & { lang?: Lang }).lang = m.lang;
    (found[m.key] ??= []).push(s);
  }
  for (const key of ['dialogue', 'endings'] as const)
    if (!found[key]) {
      const line = sections.at(-1)?.line ?? 1;
      report.report('SECTION_MISSING', line, 1, { section: key === 'dialogue' ? '# Dialogue（对话）' : '# Endings（结局）' });
    }
  return found;
}

function proseText(sections: SectionScan[], lang: Lang): Text {
  const t: Text = {};
  for (const s of sections) t[(s as SectionScan & { lang?: Lang }).lang ?? lang] = s.body;
  return t;
}

function readNode(id: string, entry: EntryScan, lang: Lang, report: Reporter): CaseNode {
  const keys = indexKeys(entry.keys, NODE_KEYS, { zh: `节点 ${id}`, en: `node ${id}` }, report);
  const redirects: Redirect[] = [];
  for (const e of keys.entries.filter((k) => k.key === 'go to')) {
    const m = /^(\S+)\s+(?:if|如果|当)\s+(.+)$/i.exec(e.entry.value.trim());
    if (!m) {
      report.report('CONDITION_INVALID', e.entry.line, e.entry.valueColumn, { value: e.entry.value, zh: '写成“目标 if 条件”。', en: 'write “target if condition”.' }, {
        zh: '例如：go to: arbitration if satisfaction < 25',
        en: 'For example: go to: arbitration if satisfaction < 25',
      });
      continue;
    }
    const when = condition(m[2], e.entry, report);
    if (when) redirects.push({ to: m[1], when, at: { line: e.entry.line, column: e.entry.valueColumn } });
  }
  const node: CaseNode = {
    id,
    redirects,
    replies: entry.replies.map((r, i) => readReply(id, i, r, lang, report)),
    at: { line: entry.line, column: entry.headingColumn },
  };
  if (entry.message) node.message = entry.message;
  if (entry.note) node.note = { [lang]: entry.note };
  const gloss = keys.get('gloss');
  if (gloss?.value) node.gloss = gloss.value;
  const time = timeOf(keys.get('time'), report);
  if (time) node.time = time;
  if (!entry.message && !entry.note) report.report('MESSAGE_MISSING', entry.line, entry.headingColumn, { id }, {
    zh: '在节点下用 > 写买家的话，或写一段旁白。',
    en: 'Write the customer’s words after > under the heading, or a note.',
  });
  return node;
}

function readReply(nodeId: string, index: number, scan: import('./scan.ts').ReplyScan, lang: Lang, report: Reporter): Reply {
  if (scan.keysNotIndented) report.report('REPLY_KEYS_NOT_INDENTED', scan.keysNotIndented.line, scan.keysNotIndented.column, {}, {
    zh: '在 - next: … 这些行前面加 3 个空格。',
    en: 'Indent the - next: … lines by 3 spaces.',
  });
  const keys = indexKeys(scan.keys, REPLY_KEYS, { zh: `回复 ${nodeId}.${index + 1}`, en: `reply ${nodeId}.${index + 1}` }, report);
  const at = { line: scan.line, column: scan.column };
  if (!scan.text.trim()) report.report('REPLY_TEXT_MISSING', scan.line, scan.column);
  const idEntry = keys.get('id');
  const reply: Reply = {
    id: idEntry?.value.trim() || `${nodeId}.${index + 1}`,
    text: scan.text.trim(),
    next: '',
    satisfaction: 0,
    follows: keys.get('follows') ? readList(keys.get('follows')!.value) : [],
    breaks: keys.get('breaks') ? readList(keys.get('breaks')!.value) : [],
    feedback: keys.text('feedback', lang) ?? {},
    set: keys.get('set') ? readList(keys.get('set')!.value) : [],
    unset: keys.get('unset') ? readList(keys.get('unset')!.value) : [],
    real: false,
    at,
  };
  rememberKeyPositions(reply, keys);
  const next = keys.get('next');
  if (!next?.value.trim()) report.report('NEXT_MISSING', scan.line, scan.column, {}, { zh: '在回复下加一行 - next: 节点编号', en: 'Add a line - next: node-id under the reply.' });
  else reply.next = next.value.trim();
  const sat = keys.get('satisfaction');
  if (sat) {
    const n = readWhole(sat.value);
    if (!n.ok) report.report('SATISFACTION_NOT_WHOLE', sat.line, sat.valueColumn, { value: sat.value }, {
      zh: '写成整数，如 +10、-5。',
      en: 'Use a whole number such as +10 or -5.',
    });
    else reply.satisfaction = n.value;
  }
  const hint = keys.text('hint', lang);
  if (hint) reply.hint = hint;
  const cond = keys.get('if');
  if (cond) {
    const c = condition(cond.value, cond, report);
    if (c) reply.when = c;
  }
  const time = timeOf(keys.get('time'), report);
  if (time) reply.time = time;
  const real = keys.get('real');
  if (real) reply.real = yesNo(real, 'real', report);
  if (!reply.feedback.zh && !reply.feedback.en) report.report('FEEDBACK_MISSING', scan.line, scan.column, {}, {
    zh: '加一行 - feedback: 说明这条回复好在哪里或错在哪里。',
    en: 'Add - feedback: saying why this reply is good or bad.',
  });
  return reply;
}

function readEnding(id: string, entry: EntryScan, lang: Lang, order: Money | undefined, report: Reporter): Ending {
  const keys = indexKeys(entry.keys, ENDING_KEYS, { zh: `结局 ${id}`, en: `ending ${id}` }, report);
  const at = { line: entry.line, column: entry.headingColumn };
  if (entry.replies.length)
    report.report('VALUE_INVALID', entry.replies[0].line, entry.replies[0].column, { key: id, value: '1. …', allowed: '> message, note, key list' }, {
      zh: '结局不能再有回复；如果对话还要继续，把它移到 # Dialogue 下。',
      en: 'An ending has no replies; if the conversation goes on, move it under # Dialogue.',
    });
  const resultEntry = keys.get('result');
  let result: EndingResult = 'resolved';
  if (!resultEntry?.value) report.report('FIELD_MISSING', entry.line, entry.headingColumn, { field: `${id}: result` });
  else {
    const r = RESULTS[resultEntry.value.trim().toLowerCase()];
    if (r) result = r;
    else {
      const guess = nearest(resultEntry.value, Object.keys(RESULTS));
      report.report('VALUE_INVALID', resultEntry.line, resultEntry.valueColumn, { key: 'result', value: resultEntry.value, allowed: 'resolved, escalated, lost, cancelled, failed' }, guess ? didYouMean(guess) : undefined);
    }
  }
  const outcome = keys.text('outcome', lang);
  if (!outcome) report.report('FIELD_MISSING', entry.line, entry.headingColumn, { field: `${id}: outcome` });
  const ending: Ending = { id, result, outcome: outcome ?? {}, real: false, at };
  if (entry.message) ending.message = entry.message;
  if (entry.note) ending.note = { [lang]: entry.note };
  const time = timeOf(keys.get('time'), report);
  if (time) ending.time = time;
  const real = keys.get('real');
  if (real) ending.real = yesNo(real, 'real', report);
  const payer = keys.get('paid by');
  if (payer) {
    const p = PAYERS[payer.value.trim().toLowerCase()];
    if (p) ending.paidBy = p;
    else report.report('VALUE_INVALID', payer.line, payer.valueColumn, { key: 'paid by', value: payer.value, allowed: 'seller, platform, buyer' });
  }
  const refund = keys.get('refund');
  const currencyEntry = keys.get('currency');
  if (currencyEntry && order && currencyEntry.value.trim().toUpperCase() !== order.currency)
    report.report('CURRENCY_MISMATCH', currencyEntry.line, currencyEntry.valueColumn, { value: currencyEntry.value.trim(), order: order.currency }, {
      zh: `退款以订单币种计：写 ${order.currency}，或删掉 currency 这一行。`,
      en: `Refunds are in the order currency: write ${order.currency} or remove the currency line.`,
    });
  else if (refund && order) readRefund(refund, order, ending, report);
  return ending;
}

function readRefund(entry: KeyEntry, order: Money, ending: Ending, report: Reporter): void {
  // An author may write the currency beside the amount: `8.00 USD` or `USD 8.00`.
  const m = /^(?:([A-Za-z]{3})\s*)?([^\sA-Za-z]+)(?:\s*([A-Za-z]{3}))?$/.exec(entry.value.trim());
  const code = (m?.[1] ?? m?.[3])?.toUpperCase();
  if (code && code !== order.currency) {
    report.report('CURRENCY_MISMATCH', entry.line, entry.valueColumn, { value: code, order: order.currency }, {
      zh: `退款以订单币种 ${order.currency} 计；其他币种的折算可以写在 outcome 里。`,
      en: `Refunds are in the order currency ${order.currency}; put a conversion in the outcome text.`,
    });
    return;
  }
  const amount = readAmount(m?.[2] ?? entry.value, order.currency);
  if (!amount.ok) {
    report.report('AMOUNT_INVALID', entry.line, entry.valueColumn, { value: entry.value, currency: order.currency }, { zh: amount.zh, en: amount.en });
    return;
  }
  if (amount.value.amount > order.amount) {
    report.report('AMOUNT_EXCEEDS_ORDER', entry.line, entry.valueColumn, { value: moneyText(amount.value), order: moneyText(order) }, {
      zh: '退款最多为订单金额。',
      en: 'A refund can be at most the order amount.',
    });
    return;
  }
  ending.refund = amount.value;
}

function condition(raw: string, entry: KeyEntry, report: Reporter): Condition | undefined {
  const c = readCondition(raw);
  if (c.ok) return c.value;
  report.report('CONDITION_INVALID', entry.line, entry.valueColumn, { value: raw, zh: c.zh, en: c.en }, {
    zh: '例如：satisfaction >= 60、apologised、not apologised，用 and 连接。',
    en: 'For example: satisfaction >= 60, apologised, not apologised, joined by and.',
  });
  return undefined;
}

function timeOf(entry: KeyEntry | undefined, report: Reporter): string | undefined {
  if (!entry?.value) return undefined;
  const t = readTime(entry.value);
  if (t.ok) return t.value;
  report.report('TIME_INVALID', entry.line, entry.valueColumn, { value: entry.value }, { zh: t.zh, en: t.en });
  return undefined;
}

function yesNo(entry: KeyEntry, key: string, report: Reporter): boolean {
  const b = readYesNo(entry.value);
  if (b.ok) return b.value;
  report.report('VALUE_INVALID', entry.line, entry.valueColumn, { key, value: entry.value, allowed: 'yes, no' });
  return false;
}

// ---------------------------------------------------------------------------------------------
// Cross-references: targets, rules, flags, objectives

function checkReferences(
  meta: Meta,
  nodes: Record<string, CaseNode>,
  endings: Record<string, Ending>,
  rulebook: Rulebook | undefined,
  report: Reporter,
): void {
  const targets = [...Object.keys(nodes), ...Object.keys(endings)];
  const exists = (id: string) => id in nodes || id in endings;
  const missingTarget = (id: string, line: number, column: number) =>
    report.report('TARGET_NOT_FOUND', line, column, { id }, (() => {
      const guess = nearest(id, targets);
      return guess ? didYouMean(guess) : { zh: `在 # Dialogue 下加 ## ${id}，或在 # Endings 下加结局。`, en: `Add ## ${id} under # Dialogue, or an ending under # Endings.` };
    })());

  const setFlags = new Set<string>();
  const cited = new Set<string>();
  for (const node of Object.values(nodes))
    for (const r of node.replies) {
      for (const flag of r.set) setFlags.add(flag);
      for (const id of [...r.follows, ...r.breaks]) cited.add(id);
    }

  for (const node of Object.values(nodes)) {
    for (const red of node.redirects) if (!exists(red.to)) missingTarget(red.to, red.at.line, red.at.column);
    for (const r of node.replies) {
      if (r.next && !exists(r.next)) {
        const pos = keyPosition(r, 'next');
        missingTarget(r.next, pos.line, pos.column);
      }
      if (rulebook)
        for (const id of [...r.follows, ...r.breaks])
          if (!rulebook.rules[id]) {
            const pos = keyPosition(r, r.breaks.includes(id) ? 'breaks' : 'follows');
            const guess = nearest(id, Object.keys(rulebook.rules));
            report.report('RULE_NOT_FOUND', pos.line, pos.column, { id, rulebook: rulebook.id }, guess ? didYouMean(guess) : undefined);
            if (guess) cited.add(guess);
          }
    }
    const conditions = [...node.replies.map((r) => r.when), ...node.redirects.map((d) => d.when)];
    for (const c of conditions)
      for (const t of c?.tests ?? [])
        if (t.kind === 'flag' && !setFlags.has(t.flag)) {
          const guess = nearest(t.flag, setFlags);
          report.report('FLAG_NEVER_SET', node.at.line, node.at.column, { flag: t.flag }, guess ? didYouMean(guess) : {
            zh: `在某条回复下加 - set: ${t.flag}`,
            en: `Add - set: ${t.flag} under some reply.`,
          });
        }
  }

  if (rulebook)
    for (const o of meta.objectivesAt) {
      if (!rulebook.rules[o.id]) {
        const guess = nearest(o.id, Object.keys(rulebook.rules));
        report.report('RULE_NOT_FOUND', o.line, o.column, { id: o.id, rulebook: rulebook.id }, guess ? didYouMean(guess) : undefined);
      } else if (!cited.has(o.id))
        report.report('RULE_NEVER_CITED', o.line, o.column, { id: o.id }, {
          zh: '让某条回复 follows 或 breaks 这条规则，或把它从 rules 中删掉。',
          en: 'Have a reply follow or break it, or remove it from rules.',
        });
    }
}

/** Where each of a reply's keys was written, so a bad reference is reported at its value. */
const keyPositions = new WeakMap<Reply, Map<string, { line: number; column: number }>>();
function keyPosition(r: Reply, key: string): { line: number; column: number } {
  return keyPositions.get(r)?.get(key) ?? r.at;
}
function rememberKeyPositions(r: Reply, keys: IndexedKeys<string>): void {
  const m = new Map<string, { line: number; column: number }>();
  for (const e of keys.entries) if (!m.has(e.key)) m.set(e.key, { line: e.entry.line, column: e.entry.valueColumn });
  keyPositions.set(r, m);
}
