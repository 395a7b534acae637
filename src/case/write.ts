/**
 * Writes a `Case` back out as a case file, in the canonical spelling of every key.
 *
 * Reading what this writes gives the same case again (positions aside): the property tests rely
 * on that, and tools that generate or reformat cases can use it.
 */
import { stringify } from 'yaml';
import type { Case, Condition, Ending, Lang, Reply, Text } from './types.ts';
import { moneyText } from './values.ts';

const amount = (m: { amount: number; currency: string }) => moneyText(m).split(' ')[0];

function yamlText(t: Text | undefined): Text | string | undefined {
  if (!t) return undefined;
  return { ...(t.zh !== undefined ? { zh: t.zh } : {}), ...(t.en !== undefined ? { en: t.en } : {}) };
}

/** `key: value` lines for a text given per language: the case language unsuffixed, the other with ` en`/` zh`. */
function localised(key: string, t: Text | undefined, lang: Lang, indent: string): string[] {
  if (!t) return [];
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const own = t[lang];
  const translation = t[other];
  return [...(own === undefined ? [] : keyLines(key, own, indent)), ...(translation === undefined ? [] : keyLines(`${key} ${other}`, translation, indent))];
}

/** A key whose value may span lines: continuation lines are indented under the key. */
function keyLines(key: string, value: string, indent: string): string[] {
  const [first, ...rest] = value.split('\n');
  return [`${indent}- ${key}: ${first}`, ...rest.map((l) => (l ? `${indent}  ${l}` : ''))];
}

const condition = (c: Condition) => c.source;

/** The note's translation, as a `note en` / `note zh` key (the case-language note is a paragraph). */
function otherNote(note: Text | undefined, lang: Lang): string[] {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const translation = note?.[other];
  return translation === undefined ? [] : keyLines(`note ${other}`, translation, '');
}
const quote = (md: string) => md.split('\n').map((l) => (l ? `> ${l}` : '>'));

function reply(r: Reply, index: number, nodeId: string, lang: Lang): string[] {
  const ind = '   ';
  const [first, ...rest] = r.text.split('\n');
  const out = [`${index + 1}. ${first}`, ...rest.map((l) => (l ? `${ind}${l}` : ''))];
  if (r.id !== `${nodeId}.${index + 1}`) out.push(`${ind}- id: ${r.id}`);
  out.push(`${ind}- next: ${r.next}`);
  if (r.satisfaction) out.push(`${ind}- satisfaction: ${r.satisfaction > 0 ? '+' : ''}${r.satisfaction}`);
  if (r.follows.length) out.push(`${ind}- follows: ${r.follows.join(', ')}`);
  if (r.breaks.length) out.push(`${ind}- breaks: ${r.breaks.join(', ')}`);
  if (r.set.length) out.push(`${ind}- set: ${r.set.join(', ')}`);
  if (r.unset.length) out.push(`${ind}- unset: ${r.unset.join(', ')}`);
  if (r.when) out.push(`${ind}- if: ${condition(r.when)}`);
  if (r.time) out.push(`${ind}- time: ${r.time.replace('T', ' ')}`);
  if (r.real) out.push(`${ind}- real: yes`);
  if (r.keep) out.push(`${ind}- keep: ${r.keep}`);
  out.push(...localised('hint', r.hint, lang, ind));
  out.push(...localised('feedback', r.feedback, lang, ind));
  return out;
}

function ending(e: Ending, c: Case): string[] {
  const out = [`## ${e.id}`, '', `- result: ${e.result}`, ...localised('outcome', e.outcome, c.lang, '')];
  if (e.refund) out.push(`- refund: ${amount(e.refund)}`);
  if (e.paidBy) out.push(`- paid by: ${e.paidBy}`);
  if (e.time) out.push(`- time: ${e.time.replace('T', ' ')}`);
  if (e.real) out.push('- real: yes');
  out.push(...otherNote(e.note, c.lang));
  if (e.message) out.push('', ...quote(e.message));
  const note = e.note?.[c.lang];
  if (note) out.push('', note);
  return [...out, ''];
}

function section(title: string, t: Text | undefined, lang: Lang): string[] {
  if (!t) return [];
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const own = t[lang];
  const translation = t[other];
  return [...(own === undefined ? [] : [`# ${title}`, '', own, '']), ...(translation === undefined ? [] : [`# ${title} ${other}`, '', translation, ''])];
}

export function writeCase(c: Case): string {
  const front: Record<string, unknown> = {
    id: c.id,
    version: c.version,
    title: yamlText(c.title),
    platform: c.platform,
    rulebook: c.rulebook,
    language: c.lang,
    ...(c.disputeType ? { 'dispute type': yamlText(c.disputeType) } : {}),
    ...(c.difficulty !== undefined ? { difficulty: c.difficulty } : {}),
    ...(c.minutes !== undefined ? { minutes: c.minutes } : {}),
    order: {
      number: c.order.number,
      item: yamlText(c.order.item),
      amount: amount(c.order.total),
      currency: c.order.total.currency,
      created: c.order.created,
      status: yamlText(c.order.status),
      'dispute reason': yamlText(c.order.disputeReason),
    },
    customer: { name: c.customer.name, ...(c.customer.country ? { country: yamlText(c.customer.country) } : {}) },
    seller: { name: c.seller.name, ...(c.seller.shop ? { shop: yamlText(c.seller.shop) } : {}) },
    start: c.start,
    satisfaction: c.startSatisfaction,
    pass: { satisfaction: c.pass.minSatisfaction, compliance: c.pass.minCompliance, 'critical fails': c.pass.criticalFails },
    ...(c.objectives.length ? { rules: c.objectives } : {}),
    ...(c.phrases.length ? { phrases: c.phrases } : {}),
    ...(c.source ? { source: c.source } : {}),
  };
  const out = ['---', stringify(front, { lineWidth: 0 }).trimEnd(), '---', ''];
  out.push(...section('Briefing', c.briefing, c.lang));
  out.push('# Dialogue', '');
  for (const n of Object.values(c.nodes)) {
    out.push(`## ${n.id}`, '');
    const keys: string[] = [];
    if (n.time) keys.push(`- time: ${n.time.replace('T', ' ')}`);
    if (n.gloss) keys.push(...keyLines('gloss', n.gloss, ''));
    keys.push(...localised('hint', n.hint, c.lang, ''));
    for (const d of n.redirects) keys.push(`- go to: ${d.to} if ${condition(d.when)}`);
    keys.push(...otherNote(n.note, c.lang));
    if (keys.length) out.push(...keys, '');
    if (n.message) out.push(...quote(n.message), '');
    const note = n.note?.[c.lang];
    if (note) out.push(note, '');
    n.replies.forEach((r, i) => out.push(...reply(r, i, n.id, c.lang)));
    out.push('');
  }
  out.push('# Endings', '');
  for (const e of Object.values(c.endings)) out.push(...ending(e, c));
  out.push(...section('Analysis', c.analysis, c.lang));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
