/**
 * Reads the entries under `# Dialogue` and `# Endings`: a node's message, note, gloss and
 * reactions; each reply's keys; each ending's result, outcome and refund.
 */
import { didYouMean, type Reporter } from './diagnostics.ts';
import { indexKeys, keyOf, textOf, valueOf, type Place } from './fields.ts';
import type { KeyLines } from './keylines.ts';
import { ENDING_KEYS, nearest, NODE_KEYS, REPLY_KEYS } from './keys.ts';
import type { EntryScan, ReplyScan } from './scan.ts';
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

/**
 * The largest change one reply may make to satisfaction, either way. Good replies are +8 to +15 and
 * a lie found out about −20 (see the guide); a single reply that moves the buyer by more than half
 * the scale is a slip of the keyboard (`+150`), and would make every other reply meaningless.
 */
export const SATISFACTION_CHANGE_LIMIT = 50;

/** Where a reply stays when the replies are shuffled. */
const KEEP: Record<string, 'first' | 'last'> = {
  first: 'first',
  最前: 'first',
  第一: 'first',
  开头: 'first',
  last: 'last',
  最后: 'last',
  末尾: 'last',
};

const NODE_PLACE: Place = (id) => ({ zh: `节点 ${id}`, en: `node ${id}` });
const REPLY_PLACE: Place = (id, n) => ({ zh: `回复 ${id}.${n}`, en: `reply ${id}.${n}` });
const ENDING_PLACE: Place = (id) => ({ zh: `结局 ${id}`, en: `ending ${id}` });

/** A note is a plain paragraph (in the case language) and/or `- note:` / `- note en:` keys. */
function noteOf(entry: EntryScan, keyed: Text | undefined, lang: Lang): Text | undefined {
  if (!entry.note) return keyed;
  return { [lang]: entry.note, ...keyed };
}

/** `keys` holds the key lines of the whole file; `entry` and its replies say where their own lists start. */
export function readNode(id: string, entry: EntryScan, keys: KeyLines, lang: Lang, report: Reporter, positions: KeyPositions): CaseNode {
  indexKeys(keys, entry, NODE_KEYS, NODE_PLACE, report, id);
  const redirects: Redirect[] = [];
  for (let e = entry.firstKey; e >= 0; e = keys.next[e]) {
    if (!keys.kept(e) || keys.name(e) !== 'go to') continue;
    const value = keys.value(e);
    const m = /^(\S+)\s+(?:if|如果|当)\s+(.+)$/i.exec(value.trim());
    if (!m) {
      report.report('CONDITION_INVALID', keys.line[e], keys.valueColumn[e], { value, zh: '写成“目标 if 条件”。', en: 'write “target if condition”.' }, {
        zh: '例如：go to: arbitration if satisfaction < 25',
        en: 'For example: go to: arbitration if satisfaction < 25',
      });
      continue;
    }
    // An unreadable condition is reported; the target still counts as a way on for the graph
    // checks, so its ending is not also called unreachable. (A case with errors is never played.)
    const when = condition(m[2], keys, e, report) ?? { source: m[2], tests: [] };
    redirects.push({ to: m[1], when, at: { line: keys.line[e], column: keys.valueColumn[e] } });
  }
  const replies = readReplies(id, entry, keys, lang, report, positions);
  const at = { line: entry.line, column: entry.headingColumn };
  // With its message in the literal (same key order as adding it after), a node is made whole at once.
  const node: CaseNode = entry.message ? { id, redirects, replies, at, message: entry.message } : { id, redirects, replies, at };
  positions.add(node, entry.replies);
  const note = noteOf(entry, textOf(keys, entry, 'note', lang), lang);
  if (note) node.note = note;
  const gloss = valueOf(keys, entry, 'gloss');
  if (gloss) node.gloss = gloss;
  const hint = textOf(keys, entry, 'hint', lang);
  if (hint) node.hint = hint;
  const time = timeOf(keys, keyOf(keys, entry, 'time'), report);
  if (time) node.time = time;
  if (!entry.message && !node.note) report.report('MESSAGE_MISSING', entry.line, entry.headingColumn, { id }, {
    zh: '在节点下用 > 写买家的话，或写一段旁白。',
    en: 'Write the customer’s words after > under the heading, or a note.',
  });
  return node;
}

/** A list built the same way whatever runs it (map's result can differ in kind between tiers, which makes code that reads it start over). */
function readReplies(nodeId: string, entry: EntryScan, keys: KeyLines, lang: Lang, report: Reporter, positions: KeyPositions): Reply[] {
  const replies: Reply[] = new Array(entry.replies.length);
  for (let i = 0; i < replies.length; i++) replies[i] = readReply(nodeId, i, entry.replies[i], keys, lang, report, positions);
  return replies;
}

/**
 * The list of a key the reply does not give. One list for all of them: most replies follow no rule
 * and set no flag, and a large case would otherwise keep thousands of empty lists alive. The lists
 * are `readonly` in the types, so nothing can add to this one.
 */
const NONE: readonly string[] = [];

function readReply(nodeId: string, index: number, scan: ReplyScan, keys: KeyLines, lang: Lang, report: Reporter, positions: KeyPositions): Reply {
  if (scan.keysNotIndented) report.report('REPLY_KEYS_NOT_INDENTED', scan.keysNotIndented.line, scan.keysNotIndented.column, {}, {
    zh: '在 - next: … 这些行前面加 3 个空格。',
    en: 'Indent the - next: … lines by 3 spaces.',
  });
  indexKeys(keys, scan, REPLY_KEYS, REPLY_PLACE, report, nodeId, index + 1);
  // One pass over the keys rather than a search per key. A key is given once (a second is reported
  // as a duplicate), except when a line without a colon was read as a key: then the first counts.
  // Line numbers of the keys given, −1 for none.
  let idEntry = -1;
  let next = -1;
  let sat = -1;
  let follows = -1;
  let breaks = -1;
  let set = -1;
  let unset = -1;
  let cond = -1;
  let timeEntry = -1;
  let real = -1;
  let keep = -1;
  let feedback: Text | undefined;
  let hint: Text | undefined;
  for (let e = scan.firstKey; e >= 0; e = keys.next[e]) {
    if (!keys.kept(e)) continue;
    switch (keys.name(e)) {
      case 'id': if (idEntry < 0) idEntry = e; break;
      case 'next': if (next < 0) next = e; break;
      case 'satisfaction': if (sat < 0) sat = e; break;
      case 'follows': if (follows < 0) follows = e; break;
      case 'breaks': if (breaks < 0) breaks = e; break;
      case 'set': if (set < 0) set = e; break;
      case 'unset': if (unset < 0) unset = e; break;
      case 'if': if (cond < 0) cond = e; break;
      case 'time': if (timeEntry < 0) timeEntry = e; break;
      case 'real': if (real < 0) real = e; break;
      case 'keep': if (keep < 0) keep = e; break;
      // Localised: each language's text, later lines overriding earlier ones.
      case 'feedback': {
        const value = keys.value(e);
        if (value) (feedback ??= {})[keys.lang(e) ?? lang] = value;
        break;
      }
      case 'hint': {
        const value = keys.value(e);
        if (value) (hint ??= {})[keys.lang(e) ?? lang] = value;
        break;
      }
    }
  }
  const at = { line: scan.line, column: scan.column };
  const text = scan.text.trim();
  if (!text) report.report('REPLY_TEXT_MISSING', scan.line, scan.column);
  const reply: Reply = {
    id: (idEntry >= 0 && keys.value(idEntry).trim()) || `${nodeId}.${index + 1}`,
    text,
    next: '',
    satisfaction: 0,
    follows: follows >= 0 ? readList(keys.value(follows)) : NONE,
    breaks: breaks >= 0 ? readList(keys.value(breaks)) : NONE,
    feedback: feedback ?? {},
    set: set >= 0 ? readList(keys.value(set)) : NONE,
    unset: unset >= 0 ? readList(keys.value(unset)) : NONE,
    real: false,
    at,
  };
  if (idEntry >= 0) positions.explicitIds = true;
  const target = next >= 0 ? keys.value(next).trim() : undefined;
  if (!target) report.report('NEXT_MISSING', scan.line, scan.column, {}, { zh: '在回复下加一行 - next: 节点编号', en: 'Add a line - next: node-id under the reply.' });
  else reply.next = target;
  if (sat >= 0) {
    const n = wholeNumber(keys.value(sat));
    if (n === undefined) report.report('SATISFACTION_NOT_WHOLE', keys.line[sat], keys.valueColumn[sat], { value: keys.value(sat) }, {
      zh: '写成整数，如 +10、-5。',
      en: 'Use a whole number such as +10 or -5.',
    });
    else if (Math.abs(n) > SATISFACTION_CHANGE_LIMIT)
      report.report('SATISFACTION_OUT_OF_RANGE', keys.line[sat], keys.valueColumn[sat], { value: keys.value(sat), min: -SATISFACTION_CHANGE_LIMIT, max: SATISFACTION_CHANGE_LIMIT }, {
        zh: '一条回复一般 −20 到 +15；想让买家一下子非常满意或暴怒，就让路径多走几步。',
        en: 'One reply usually moves satisfaction by −20 to +15; for a bigger swing, spread it over several replies.',
      });
    else reply.satisfaction = n;
  }
  if (hint) reply.hint = hint;
  if (cond >= 0) {
    const c = condition(keys.value(cond), keys, cond, report);
    if (c) reply.when = c;
  }
  const time = timeOf(keys, timeEntry, report);
  if (time) reply.time = time;
  if (real >= 0) reply.real = yesNo(keys, real, 'real', report);
  if (keep >= 0) {
    const place = KEEP[keys.value(keep).trim().toLowerCase()];
    if (place) reply.keep = place;
    else report.report('KEEP_INVALID', keys.line[keep], keys.valueColumn[keep], { value: keys.value(keep) }, {
      zh: '写 keep: first（固定在最前）或 keep: last（固定在最后）；不需要固定就删掉这一行。',
      en: 'Write keep: first or keep: last, or remove the line to let the reply be shuffled.',
    });
  }
  if (!reply.feedback.zh && !reply.feedback.en) report.report('FEEDBACK_MISSING', scan.line, scan.column, {}, {
    zh: '加一行 - feedback: 说明这条回复好在哪里或错在哪里。',
    en: 'Add - feedback: saying why this reply is good or bad.',
  });
  return reply;
}

export function readEnding(id: string, entry: EntryScan, keys: KeyLines, lang: Lang, order: Money | undefined, report: Reporter): Ending {
  indexKeys(keys, entry, ENDING_KEYS, ENDING_PLACE, report, id);
  const at = { line: entry.line, column: entry.headingColumn };
  if (entry.replies.length)
    report.report('VALUE_INVALID', entry.replies[0].line, entry.replies[0].column, { key: id, value: '1. …', allowed: '> message, note, key list' }, {
      zh: '结局不能再有回复；如果对话还要继续，把它移到 # Dialogue 下。',
      en: 'An ending has no replies; if the conversation goes on, move it under # Dialogue.',
    });
  const resultEntry = keyOf(keys, entry, 'result');
  let result: EndingResult = 'resolved';
  if (resultEntry < 0 || !keys.value(resultEntry)) report.report('FIELD_MISSING', entry.line, entry.headingColumn, { field: `${id}: result` });
  else {
    const value = keys.value(resultEntry);
    const r = RESULTS[value.trim().toLowerCase()];
    if (r) result = r;
    else {
      const guess = nearest(value, Object.keys(RESULTS));
      report.report('VALUE_INVALID', keys.line[resultEntry], keys.valueColumn[resultEntry], { key: 'result', value, allowed: 'resolved, escalated, lost, cancelled, failed' }, guess ? didYouMean(guess) : undefined);
    }
  }
  const outcome = textOf(keys, entry, 'outcome', lang);
  if (!outcome) report.report('FIELD_MISSING', entry.line, entry.headingColumn, { field: `${id}: outcome` });
  const ending: Ending = { id, result, outcome: outcome ?? {}, real: false, at };
  if (entry.message) ending.message = entry.message;
  const note = noteOf(entry, textOf(keys, entry, 'note', lang), lang);
  if (note) ending.note = note;
  const time = timeOf(keys, keyOf(keys, entry, 'time'), report);
  if (time) ending.time = time;
  const real = keyOf(keys, entry, 'real');
  if (real >= 0) ending.real = yesNo(keys, real, 'real', report);
  const payer = keyOf(keys, entry, 'paid by');
  if (payer >= 0) {
    const p = PAYERS[keys.value(payer).trim().toLowerCase()];
    if (p) ending.paidBy = p;
    else report.report('VALUE_INVALID', keys.line[payer], keys.valueColumn[payer], { key: 'paid by', value: keys.value(payer), allowed: 'seller, platform, buyer' });
  }
  const refund = keyOf(keys, entry, 'refund');
  const currencyEntry = keyOf(keys, entry, 'currency');
  if (currencyEntry >= 0 && order && keys.value(currencyEntry).trim().toUpperCase() !== order.currency)
    report.report('CURRENCY_MISMATCH', keys.line[currencyEntry], keys.valueColumn[currencyEntry], { value: keys.value(currencyEntry).trim(), order: order.currency }, {
      zh: `退款以订单币种计：写 ${order.currency}，或删掉 currency 这一行。`,
      en: `Refunds are in the order currency: write ${order.currency} or remove the currency line.`,
    });
  else if (refund >= 0 && order) readRefund(keys, refund, order, ending, report);
  return ending;
}

/** Key line `k`: a refund. */
function readRefund(keys: KeyLines, k: number, order: Money, ending: Ending, report: Reporter): void {
  const value = keys.value(k);
  const line = keys.line[k];
  const column = keys.valueColumn[k];
  // An author may write the currency beside the amount: `8.00 USD` or `USD 8.00`.
  const m = /^(?:([A-Za-z]{3})\s*)?([^\sA-Za-z]+)(?:\s*([A-Za-z]{3}))?$/.exec(value.trim());
  const code = (m?.[1] ?? m?.[3])?.toUpperCase();
  if (code && code !== order.currency) {
    report.report('CURRENCY_MISMATCH', line, column, { value: code, order: order.currency }, {
      zh: `退款以订单币种 ${order.currency} 计；其他币种的折算可以写在 outcome 里。`,
      en: `Refunds are in the order currency ${order.currency}; put a conversion in the outcome text.`,
    });
    return;
  }
  const amount = readAmount(m?.[2] ?? value, order.currency);
  if (!amount.ok) {
    report.report('AMOUNT_INVALID', line, column, { value, currency: order.currency }, { zh: amount.zh, en: amount.en });
    return;
  }
  if (amount.value.amount > order.amount) {
    report.report('AMOUNT_EXCEEDS_ORDER', line, column, { value: moneyText(amount.value), order: moneyText(order) }, {
      zh: '退款最多为订单金额。',
      en: 'A refund can be at most the order amount.',
    });
    return;
  }
  ending.refund = amount.value;
}

/** `raw`, from key line `k`, as a condition. */
function condition(raw: string, keys: KeyLines, k: number, report: Reporter): Condition | undefined {
  const c = readCondition(raw);
  if (c.ok) return c.value;
  report.report('CONDITION_INVALID', keys.line[k], keys.valueColumn[k], { value: raw, zh: c.zh, en: c.en }, {
    zh: '例如：satisfaction >= 60、apologised、not apologised，用 and 连接。',
    en: 'For example: satisfaction >= 60, apologised, not apologised, joined by and.',
  });
  return undefined;
}

/** Key line `k` (−1: none) as a time. */
function timeOf(keys: KeyLines, k: number, report: Reporter): string | undefined {
  const value = k >= 0 ? keys.value(k) : '';
  if (!value) return undefined;
  const t = readTime(value);
  if (t.ok) return t.value;
  report.report('TIME_INVALID', keys.line[k], keys.valueColumn[k], { value }, { zh: t.zh, en: t.en });
  return undefined;
}

function yesNo(keys: KeyLines, k: number, key: string, report: Reporter): boolean {
  const b = readYesNo(keys.value(k));
  if (b.ok) return b.value;
  report.report('VALUE_INVALID', keys.line[k], keys.valueColumn[k], { key, value: keys.value(k), allowed: 'yes, no' });
  return false;
}

/**
 * Where each reply's keys were written, so a bad reference is reported at its value. Kept beside
 * the case for the one read (not on the Reply: a compiled case carries no source positions).
 */
export class KeyPositions {
  /** Nodes in the order they were read, and each one's replies as scanned, in reply order. */
  private readonly nodes: CaseNode[] = [];
  private readonly replies: ReplyScan[][] = [];
  /** Node → its place above; built at the first bad reference, which a clean case never has. */
  private byNode: Map<CaseNode, number> | undefined;
  /** Some reply gives its own `id`. Default ids (`node-id.N`) are unique by construction, so only then can two replies share one. */
  explicitIds = false;

  constructor(private readonly keys: KeyLines) {}

  add(node: CaseNode, replies: ReplyScan[]): void {
    this.nodes.push(node);
    this.replies.push(replies);
  }

  /** Where the value of `key` was written under reply `r` of `node`; the reply itself when the key is absent. */
  of(node: CaseNode, r: Reply, key: string): { line: number; column: number } {
    if (!this.byNode) {
      this.byNode = new Map();
      for (let i = 0; i < this.nodes.length; i++) this.byNode.set(this.nodes[i], i);
    }
    const read = this.byNode.get(node);
    const scan = read === undefined ? undefined : this.replies[read][node.replies.indexOf(r)];
    const k = scan ? keyOf(this.keys, scan, key) : -1;
    return k >= 0 ? { line: this.keys.line[k], column: this.keys.valueColumn[k] } : r.at;
  }
}
