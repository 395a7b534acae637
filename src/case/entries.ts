/**
 * Reads the entries under `# Dialogue` and `# Endings`: a node's message, note, gloss and
 * reactions; each reply's keys; each ending's result, outcome and refund.
 */
import { didYouMean, type Reporter } from './diagnostics.ts';
import { indexKeys, keyOf, textOf, type KeyedEntry, type Place } from './fields.ts';
import { ENDING_KEYS, nearest, NODE_KEYS, REPLY_KEYS } from './keys.ts';
import type { EntryScan, KeyEntry, ReplyScan } from './scan.ts';
import type { CaseNode, Condition, Ending, EndingResult, Lang, Money, Redirect, Reply, Text } from './types.ts';
import { moneyText, readAmount, readCondition, readList, readTime, readYesNo, wholeNumber } from './values.ts';

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

const NODE_PLACE: Place = (id) => ({ zh: `节点 ${id}`, en: `node ${id}` });
const REPLY_PLACE: Place = (id, n) => ({ zh: `回复 ${id}.${n}`, en: `reply ${id}.${n}` });
const ENDING_PLACE: Place = (id) => ({ zh: `结局 ${id}`, en: `ending ${id}` });

/** A note is a plain paragraph (in the case language) and/or `- note:` / `- note en:` keys. */
function noteOf(entry: EntryScan, keyed: Text | undefined, lang: Lang): Text | undefined {
  if (!entry.note) return keyed;
  return { [lang]: entry.note, ...keyed };
}

export function readNode(id: string, entry: EntryScan, lang: Lang, report: Reporter, positions: KeyPositions): CaseNode {
  const keys = indexKeys(entry.keys, NODE_KEYS, NODE_PLACE, report, id);
  const redirects: Redirect[] = [];
  for (const e of keys) {
    if (e.name !== 'go to') continue;
    const m = /^(\S+)\s+(?:if|如果|当)\s+(.+)$/i.exec(e.value.trim());
    if (!m) {
      report.report('CONDITION_INVALID', e.line, e.valueColumn, { value: e.value, zh: '写成“目标 if 条件”。', en: 'write “target if condition”.' }, {
        zh: '例如：go to: arbitration if satisfaction < 25',
        en: 'For example: go to: arbitration if satisfaction < 25',
      });
      continue;
    }
    // An unreadable condition is reported; the target still counts as a way on for the graph
    // checks, so its ending is not also called unreachable. (A case with errors is never played.)
    const when = condition(m[2], e, report) ?? { source: m[2], tests: [] };
    redirects.push({ to: m[1], when, at: { line: e.line, column: e.valueColumn } });
  }
  const replyKeys: KeyedEntry[][] = new Array(entry.replies.length);
  const replies = readReplies(id, entry, lang, report, positions, replyKeys);
  const at = { line: entry.line, column: entry.headingColumn };
  // With its message in the literal (same key order as adding it after), a node is made whole at once.
  const node: CaseNode = entry.message ? { id, redirects, replies, at, message: entry.message } : { id, redirects, replies, at };
  positions.add(node, replyKeys);
  const note = noteOf(entry, textOf(keys, 'note', lang), lang);
  if (note) node.note = note;
  const gloss = keyOf(keys, 'gloss');
  if (gloss?.value) node.gloss = gloss.value;
  const time = timeOf(keyOf(keys, 'time'), report);
  if (time) node.time = time;
  if (!entry.message && !node.note) report.report('MESSAGE_MISSING', entry.line, entry.headingColumn, { id }, {
    zh: '在节点下用 > 写买家的话，或写一段旁白。',
    en: 'Write the customer’s words after > under the heading, or a note.',
  });
  return node;
}

/** A list built the same way whatever runs it (map's result can differ in kind between tiers, which makes code that reads it start over). */
function readReplies(nodeId: string, entry: EntryScan, lang: Lang, report: Reporter, positions: KeyPositions, replyKeys: KeyedEntry[][]): Reply[] {
  const replies: Reply[] = new Array(entry.replies.length);
  for (let i = 0; i < replies.length; i++) replies[i] = readReply(nodeId, i, entry.replies[i], lang, report, positions, replyKeys);
  return replies;
}

function readReply(nodeId: string, index: number, scan: ReplyScan, lang: Lang, report: Reporter, positions: KeyPositions, replyKeys: KeyedEntry[][]): Reply {
  if (scan.keysNotIndented) report.report('REPLY_KEYS_NOT_INDENTED', scan.keysNotIndented.line, scan.keysNotIndented.column, {}, {
    zh: '在 - next: … 这些行前面加 3 个空格。',
    en: 'Indent the - next: … lines by 3 spaces.',
  });
  const keys = indexKeys(scan.keys, REPLY_KEYS, REPLY_PLACE, report, nodeId, index + 1);
  // One pass over the keys rather than a search per key. A key is given once (a second is reported
  // as a duplicate), except when a line without a colon was read as a key: then the first counts.
  let idEntry: KeyEntry | undefined;
  let next: KeyEntry | undefined;
  let sat: KeyEntry | undefined;
  let follows: KeyEntry | undefined;
  let breaks: KeyEntry | undefined;
  let set: KeyEntry | undefined;
  let unset: KeyEntry | undefined;
  let cond: KeyEntry | undefined;
  let timeEntry: KeyEntry | undefined;
  let real: KeyEntry | undefined;
  let feedback: Text | undefined;
  let hint: Text | undefined;
  for (const e of keys)
    switch (e.name) {
      case 'id': idEntry ??= e; break;
      case 'next': next ??= e; break;
      case 'satisfaction': sat ??= e; break;
      case 'follows': follows ??= e; break;
      case 'breaks': breaks ??= e; break;
      case 'set': set ??= e; break;
      case 'unset': unset ??= e; break;
      case 'if': cond ??= e; break;
      case 'time': timeEntry ??= e; break;
      case 'real': real ??= e; break;
      // Localised: each language's text, later lines overriding earlier ones.
      case 'feedback': if (e.value) (feedback ??= {})[e.lang ?? lang] = e.value; break;
      case 'hint': if (e.value) (hint ??= {})[e.lang ?? lang] = e.value; break;
    }
  const at = { line: scan.line, column: scan.column };
  const text = scan.text.trim();
  if (!text) report.report('REPLY_TEXT_MISSING', scan.line, scan.column);
  const reply: Reply = {
    id: idEntry?.value.trim() || `${nodeId}.${index + 1}`,
    text,
    next: '',
    satisfaction: 0,
    follows: follows ? readList(follows.value) : [],
    breaks: breaks ? readList(breaks.value) : [],
    feedback: feedback ?? {},
    set: set ? readList(set.value) : [],
    unset: unset ? readList(unset.value) : [],
    real: false,
    at,
  };
  replyKeys[index] = keys;
  if (idEntry) positions.explicitIds = true;
  const target = next?.value.trim();
  if (!target) report.report('NEXT_MISSING', scan.line, scan.column, {}, { zh: '在回复下加一行 - next: 节点编号', en: 'Add a line - next: node-id under the reply.' });
  else reply.next = target;
  if (sat) {
    const n = wholeNumber(sat.value);
    if (n === undefined) report.report('SATISFACTION_NOT_WHOLE', sat.line, sat.valueColumn, { value: sat.value }, {
      zh: '写成整数，如 +10、-5。',
      en: 'Use a whole number such as +10 or -5.',
    });
    else reply.satisfaction = n;
  }
  if (hint) reply.hint = hint;
  if (cond) {
    const c = condition(cond.value, cond, report);
    if (c) reply.when = c;
  }
  const time = timeOf(timeEntry, report);
  if (time) reply.time = time;
  if (real) reply.real = yesNo(real, 'real', report);
  if (!reply.feedback.zh && !reply.feedback.en) report.report('FEEDBACK_MISSING', scan.line, scan.column, {}, {
    zh: '加一行 - feedback: 说明这条回复好在哪里或错在哪里。',
    en: 'Add - feedback: saying why this reply is good or bad.',
  });
  return reply;
}

export function readEnding(id: string, entry: EntryScan, lang: Lang, order: Money | undefined, report: Reporter): Ending {
  const keys = indexKeys(entry.keys, ENDING_KEYS, ENDING_PLACE, report, id);
  const at = { line: entry.line, column: entry.headingColumn };
  if (entry.replies.length)
    report.report('VALUE_INVALID', entry.replies[0].line, entry.replies[0].column, { key: id, value: '1. …', allowed: '> message, note, key list' }, {
      zh: '结局不能再有回复；如果对话还要继续，把它移到 # Dialogue 下。',
      en: 'An ending has no replies; if the conversation goes on, move it under # Dialogue.',
    });
  const resultEntry = keyOf(keys, 'result');
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
  const outcome = textOf(keys, 'outcome', lang);
  if (!outcome) report.report('FIELD_MISSING', entry.line, entry.headingColumn, { field: `${id}: outcome` });
  const ending: Ending = { id, result, outcome: outcome ?? {}, real: false, at };
  if (entry.message) ending.message = entry.message;
  const note = noteOf(entry, textOf(keys, 'note', lang), lang);
  if (note) ending.note = note;
  const time = timeOf(keyOf(keys, 'time'), report);
  if (time) ending.time = time;
  const real = keyOf(keys, 'real');
  if (real) ending.real = yesNo(real, 'real', report);
  const payer = keyOf(keys, 'paid by');
  if (payer) {
    const p = PAYERS[payer.value.trim().toLowerCase()];
    if (p) ending.paidBy = p;
    else report.report('VALUE_INVALID', payer.line, payer.valueColumn, { key: 'paid by', value: payer.value, allowed: 'seller, platform, buyer' });
  }
  const refund = keyOf(keys, 'refund');
  const currencyEntry = keyOf(keys, 'currency');
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

/**
 * Where each reply's keys were written, so a bad reference is reported at its value. Kept beside
 * the case for the one read (not on the Reply: a compiled case carries no source positions).
 */
export class KeyPositions {
  /** Nodes in the order they were read, and each one's reply keys in reply order. */
  private readonly nodes: CaseNode[] = [];
  private readonly replyKeys: KeyedEntry[][][] = [];
  /** Node → its place above; built at the first bad reference, which a clean case never has. */
  private byNode: Map<CaseNode, number> | undefined;
  /** Some reply gives its own `id`. Default ids (`node-id.N`) are unique by construction, so only then can two replies share one. */
  explicitIds = false;

  add(node: CaseNode, replyKeys: KeyedEntry[][]): void {
    this.nodes.push(node);
    this.replyKeys.push(replyKeys);
  }

  /** Where the value of `key` was written under reply `r` of `node`; the reply itself when the key is absent. */
  of(node: CaseNode, r: Reply, key: string): { line: number; column: number } {
    if (!this.byNode) {
      this.byNode = new Map();
      for (let i = 0; i < this.nodes.length; i++) this.byNode.set(this.nodes[i], i);
    }
    const read = this.byNode.get(node);
    const list = read === undefined ? undefined : this.replyKeys[read][node.replies.indexOf(r)];
    const entry = list && keyOf(list, key);
    return entry ? { line: entry.line, column: entry.valueColumn } : r.at;
  }
}
