/**
 * Reads the entries under `# Dialogue` and `# Endings` from the syntax tree: a node's message,
 * note, gloss, hint and reactions (`go to`); each reply's keys; each ending's result, outcome and
 * refund. Each value is checked where it is written.
 */
import { didYouMean, type Reporter } from './diagnostics.ts';
import { keyOf, readKeys, textOf, valueOf, type Where } from './fields.ts';
import { ENDING_KEYS, nearest, NODE_KEYS, REPLY_KEYS } from './keys.ts';
import type { EntrySyntax, KeyLine, ReplySyntax } from './syntax.ts';
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

/** `go to: arbitration if satisfaction < 25`. */
const REDIRECT = /^(\S+)\s+(?:if|如果|当)\s+(.+)$/i;
/** A refund with its currency beside the amount: `8.00 USD` or `USD 8.00`. */
const REFUND = /^(?:([A-Za-z]{3})\s*)?([^\sA-Za-z]+)(?:\s*([A-Za-z]{3}))?$/;

/** A reply beside the lines it was read from, where the checks report a wrong value. */
export interface ReplyRead {
  reply: Reply;
  syntax: ReplySyntax;
}

/** A node beside the entry it was read from. */
export interface NodeRead {
  node: CaseNode;
  entry: EntrySyntax;
  replies: ReplyRead[];
}

/** A note is a plain paragraph (in the case language) and/or `- note:` / `- note en:` keys. */
function noteOf(entry: EntrySyntax, lang: Lang): Text | undefined {
  const keyed = textOf(entry.keys, 'note', lang);
  return entry.note ? { [lang]: entry.note, ...keyed } : keyed;
}

export function readNode(id: string, entry: EntrySyntax, lang: Lang, report: Reporter): NodeRead {
  readKeys(entry.keys, NODE_KEYS, { zh: `节点 ${id}`, en: `node ${id}` }, report);
  const redirects = entry.keys.filter((k) => k.name === 'go to').flatMap((k) => readRedirect(k, report) ?? []);
  const replies = entry.replies.map((syntax, i) => ({ reply: readReply(id, i, syntax, lang, report), syntax }));
  const at = { line: entry.line, column: entry.headingColumn };
  const node: CaseNode = { id, redirects, replies: replies.map((r) => r.reply), at };
  if (entry.message) node.message = entry.message;
  const note = noteOf(entry, lang);
  if (note) node.note = note;
  const gloss = valueOf(entry.keys, 'gloss');
  if (gloss) node.gloss = gloss;
  const hint = textOf(entry.keys, 'hint', lang);
  if (hint) node.hint = hint;
  const time = readTimeKey(keyOf(entry.keys, 'time'), report);
  if (time) node.time = time;
  if (!entry.message && !node.note) report.report('MESSAGE_MISSING', entry.line, entry.headingColumn, { id }, {
    zh: '在节点下用 > 写买家的话，或写一段旁白。',
    en: 'Write the customer’s words after > under the heading, or a note.',
  });
  return { node, entry, replies };
}

/** A `go to` line: a customer reaction that depends on the state. */
function readRedirect(key: KeyLine, report: Reporter): Redirect | undefined {
  const m = REDIRECT.exec(key.value.trim());
  const at = { line: key.line, column: key.valueColumn };
  if (!m?.[1] || !m[2]) {
    report.report('CONDITION_INVALID', at.line, at.column, { value: key.value, zh: '写成“目标 if 条件”。', en: 'write “target if condition”.' }, {
      zh: '例如：go to: arbitration if satisfaction < 25',
      en: 'For example: go to: arbitration if satisfaction < 25',
    });
    return undefined;
  }
  // An unreadable condition is reported; the target still counts as a way on for the graph
  // checks, so its ending is not also called unreachable. (A case with errors is never played.)
  const when = readConditionKey(m[2], key, report) ?? { source: m[2], tests: [] };
  return { to: m[1], when, at };
}

function readReply(nodeId: string, index: number, syntax: ReplySyntax, lang: Lang, report: Reporter): Reply {
  const { keys } = syntax;
  if (syntax.keysNotIndented) report.report('REPLY_KEYS_NOT_INDENTED', syntax.keysNotIndented.line, syntax.keysNotIndented.column, {}, {
    zh: '在 - next: … 这些行前面加 3 个空格。',
    en: 'Indent the - next: … lines by 3 spaces.',
  });
  const where: Where = { zh: `回复 ${nodeId}.${index + 1}`, en: `reply ${nodeId}.${index + 1}` };
  readKeys(keys, REPLY_KEYS, where, report);
  const text = syntax.text.trim();
  if (!text) report.report('REPLY_TEXT_MISSING', syntax.line, syntax.column);
  const reply: Reply = {
    id: valueOf(keys, 'id')?.trim() || `${nodeId}.${index + 1}`,
    text,
    next: valueOf(keys, 'next')?.trim() ?? '',
    satisfaction: 0,
    follows: readList(valueOf(keys, 'follows') ?? ''),
    breaks: readList(valueOf(keys, 'breaks') ?? ''),
    feedback: textOf(keys, 'feedback', lang) ?? {},
    set: readList(valueOf(keys, 'set') ?? ''),
    unset: readList(valueOf(keys, 'unset') ?? ''),
    real: false,
    at: { line: syntax.line, column: syntax.column },
  };
  if (!reply.next) report.report('NEXT_MISSING', syntax.line, syntax.column, {}, { zh: '在回复下加一行 - next: 节点编号', en: 'Add a line - next: node-id under the reply.' });
  readReplyValues(reply, keys, lang, report);
  if (!reply.feedback.zh && !reply.feedback.en) report.report('FEEDBACK_MISSING', syntax.line, syntax.column, {}, {
    zh: '加一行 - feedback: 说明这条回复好在哪里或错在哪里。',
    en: 'Add - feedback: saying why this reply is good or bad.',
  });
  return reply;
}

/** The reply's keys whose values are checked: satisfaction, hint, condition, time, real, keep. */
function readReplyValues(reply: Reply, keys: readonly KeyLine[], lang: Lang, report: Reporter): void {
  const satisfaction = keyOf(keys, 'satisfaction');
  if (satisfaction) reply.satisfaction = readSatisfaction(satisfaction, report);
  const hint = textOf(keys, 'hint', lang);
  if (hint) reply.hint = hint;
  const condition = keyOf(keys, 'if');
  const when = condition && readConditionKey(condition.value, condition, report);
  if (when) reply.when = when;
  const time = readTimeKey(keyOf(keys, 'time'), report);
  if (time) reply.time = time;
  const real = keyOf(keys, 'real');
  if (real) reply.real = readYesNoKey(real, report);
  const keep = keyOf(keys, 'keep');
  if (!keep) return;
  const place = KEEP[keep.value.trim().toLowerCase()];
  if (place) reply.keep = place;
  else report.report('KEEP_INVALID', keep.line, keep.valueColumn, { value: keep.value }, {
    zh: '写 keep: first（固定在最前）或 keep: last（固定在最后）；不需要固定就删掉这一行。',
    en: 'Write keep: first or keep: last, or remove the line to let the reply be shuffled.',
  });
}

/** A satisfaction change; 0 when it is not one (reported). */
function readSatisfaction(key: KeyLine, report: Reporter): number {
  const n = wholeNumber(key.value);
  if (n === undefined) report.report('SATISFACTION_NOT_WHOLE', key.line, key.valueColumn, { value: key.value }, {
    zh: '写成整数，如 +10、-5。',
    en: 'Use a whole number such as +10 or -5.',
  });
  else if (Math.abs(n) > SATISFACTION_CHANGE_LIMIT)
    report.report('SATISFACTION_OUT_OF_RANGE', key.line, key.valueColumn, { value: key.value, min: -SATISFACTION_CHANGE_LIMIT, max: SATISFACTION_CHANGE_LIMIT }, {
      zh: '一条回复一般 −20 到 +15；想让买家一下子非常满意或暴怒，就让路径多走几步。',
      en: 'One reply usually moves satisfaction by −20 to +15; for a bigger swing, spread it over several replies.',
    });
  else return n;
  return 0;
}

export function readEnding(id: string, entry: EntrySyntax, lang: Lang, order: Money | undefined, report: Reporter): Ending {
  const { keys } = entry;
  readKeys(keys, ENDING_KEYS, { zh: `结局 ${id}`, en: `ending ${id}` }, report);
  const reply = entry.replies[0];
  if (reply)
    report.report('VALUE_INVALID', reply.line, reply.column, { key: id, value: '1. …', allowed: '> message, note, key list' }, {
      zh: '结局不能再有回复；如果对话还要继续，把它移到 # Dialogue 下。',
      en: 'An ending has no replies; if the conversation goes on, move it under # Dialogue.',
    });
  const result = readResult(id, entry, report);
  const outcome = textOf(keys, 'outcome', lang);
  if (!outcome) report.report('FIELD_MISSING', entry.line, entry.headingColumn, { field: `${id}: outcome` });
  const ending: Ending = { id, result, outcome: outcome ?? {}, real: false, at: { line: entry.line, column: entry.headingColumn } };
  if (entry.message) ending.message = entry.message;
  const note = noteOf(entry, lang);
  if (note) ending.note = note;
  const time = readTimeKey(keyOf(keys, 'time'), report);
  if (time) ending.time = time;
  const real = keyOf(keys, 'real');
  if (real) ending.real = readYesNoKey(real, report);
  const payer = keyOf(keys, 'paid by');
  if (payer) {
    const p = PAYERS[payer.value.trim().toLowerCase()];
    if (p) ending.paidBy = p;
    else report.report('VALUE_INVALID', payer.line, payer.valueColumn, { key: 'paid by', value: payer.value, allowed: 'seller, platform, buyer' });
  }
  if (order) readRefundKeys(keys, order, ending, report);
  return ending;
}

/** How the ending turned out; `resolved` when the line is missing or wrong (reported). */
function readResult(id: string, entry: EntrySyntax, report: Reporter): EndingResult {
  const key = keyOf(entry.keys, 'result');
  if (!key?.value) {
    report.report('FIELD_MISSING', entry.line, entry.headingColumn, { field: `${id}: result` });
    return 'resolved';
  }
  const result = RESULTS[key.value.trim().toLowerCase()];
  if (result) return result;
  const guess = nearest(key.value, Object.keys(RESULTS));
  report.report('VALUE_INVALID', key.line, key.valueColumn, { key: 'result', value: key.value, allowed: 'resolved, escalated, lost, cancelled, failed' }, guess ? didYouMean(guess) : undefined);
  return 'resolved';
}

/** A refund is in the order's currency: a `currency` line naming another is the mistake, not the amount. */
function readRefundKeys(keys: readonly KeyLine[], order: Money, ending: Ending, report: Reporter): void {
  const currency = keyOf(keys, 'currency');
  const refund = keyOf(keys, 'refund');
  if (currency && currency.value.trim().toUpperCase() !== order.currency)
    report.report('CURRENCY_MISMATCH', currency.line, currency.valueColumn, { value: currency.value.trim(), order: order.currency }, {
      zh: `退款以订单币种计：写 ${order.currency}，或删掉 currency 这一行。`,
      en: `Refunds are in the order currency: write ${order.currency} or remove the currency line.`,
    });
  else if (refund) readRefund(refund, order, ending, report);
}

function readRefund(key: KeyLine, order: Money, ending: Ending, report: Reporter): void {
  const { value, line, valueColumn: column } = key;
  const m = REFUND.exec(value.trim());
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

/** `raw`, written on key line `key`, as a condition. */
function readConditionKey(raw: string, key: KeyLine, report: Reporter): Condition | undefined {
  const c = readCondition(raw);
  if (c.ok) return c.value;
  report.report('CONDITION_INVALID', key.line, key.valueColumn, { value: raw, zh: c.zh, en: c.en }, {
    zh: '例如：satisfaction >= 60、apologised、not apologised，用 and 连接。',
    en: 'For example: satisfaction >= 60, apologised, not apologised, joined by and.',
  });
  return undefined;
}

function readTimeKey(key: KeyLine | undefined, report: Reporter): string | undefined {
  if (!key?.value) return undefined;
  const t = readTime(key.value);
  if (t.ok) return t.value;
  report.report('TIME_INVALID', key.line, key.valueColumn, { value: key.value }, { zh: t.zh, en: t.en });
  return undefined;
}

function readYesNoKey(key: KeyLine, report: Reporter): boolean {
  const b = readYesNo(key.value);
  if (b.ok) return b.value;
  report.report('VALUE_INVALID', key.line, key.valueColumn, { key: 'real', value: key.value, allowed: 'yes, no' });
  return false;
}
