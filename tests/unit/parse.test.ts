/**
 * The case reader: what a valid file turns into, the Chinese and full-width spellings that must
 * mean the same, the indentation it tolerates, the small value readers, and that no input —
 * however broken — makes it throw or point outside the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/parse.ts';
import { parseRulebook } from '../../src/case/rulebook.ts';
import type { Case, Diagnostic } from '../../src/case/types.ts';
import { readAmount, readCondition, readDate, readList, readTime, readWhole, readYesNo } from '../../src/case/values.ts';
import { checkCase } from '../../src/engine/check.ts';
import { random } from '../../src/engine/order.ts';
import { LEAK_CODES } from '../../src/engine/leaks.ts';
import { get, nth } from '../fixtures/present.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const testRulebook = parseRulebook(read('tests/fixtures/cases/rulebooks/test.md'), 'test.md').value!;
const rulebooks = { test: testRulebook };
const VALID = read('tests/fixtures/cases/valid.md');
const parse = (source: string) => parseCase(source, { rulebooks });
const codes = (list: Diagnostic[]) => list.map((d) => `${d.line}:${d.column} ${d.code}`);

describe('the valid fixture', () => {
  const r = parse(VALID);
  const c = r.value!;

  it('parses without diagnostics', () => {
    expect(r.diagnostics).toEqual([]);
    expect(c.id).toBe('valid-case');
  });

  it('reads the front matter', () => {
    expect(c.id).toBe('valid-case');
    expect(c.version).toBe('1');
    expect(c.title).toEqual({ zh: '测试案例', en: 'Test case' });
    expect(c.platform).toBe('TestMart');
    expect(c.rulebook).toBe('test');
    expect(c.lang).toBe('zh');
    expect(c.start).toBe('opening');
    expect(c.startSatisfaction).toBe(40);
    expect(c.pass).toEqual({ minSatisfaction: 60, minCompliance: 80, criticalFails: true });
    expect(c.objectives).toEqual(['P-OFFPLATFORM', 'P-TRUTHFUL']);
    expect(c.phrases).toEqual([{ en: "I'm so sorry.", zh: '非常抱歉。' }]);
    expect(c.customer).toEqual({ name: 'Ana', country: { zh: 'Portugal' } });
    expect(c.seller).toEqual({ name: 'LI' });
  });

  it('reads the order: amount in minor units, ISO date, untagged text in the case language', () => {
    expect(c.order).toEqual({
      number: 'A-1',
      item: { zh: 'Blue mug' },
      total: { amount: 2000, currency: 'USD' },
      created: '2024-03-01',
      status: { zh: 'Shipped' },
      disputeReason: { zh: 'Item damaged' },
    });
  });

  it('reads a node: message, gloss, normalised time, positions', () => {
    const n = get(c.nodes, 'opening');
    expect(Object.keys(c.nodes)).toEqual(['opening', 'photo', 'angry']);
    expect(n.message).toBe('My mug arrived broken.');
    expect(n.gloss).toBe('我的杯子碎了。');
    expect(n.time).toBe('2024-03-05T10:00:00');
    expect(n.at).toEqual({ line: 28, column: 4 });
    expect(n.redirects).toEqual([]);
  });

  it('reads a decision point’s hint in both languages, beside the gloss', () => {
    const source = VALID.replace('- gloss: 我的杯子碎了。', '- gloss: 我的杯子碎了。\n- hint: 先看订单卡片。\n- hint en: Look at the order card first.');
    const r2 = parse(source);
    expect(r2.diagnostics).toEqual([]);
    expect(get(r2.value!.nodes, 'opening').hint).toEqual({ zh: '先看订单卡片。', en: 'Look at the order card first.' });
    expect(get(r2.value!.nodes, 'photo').hint).toBeUndefined();
  });

  it('reads replies: ids by position, next, satisfaction, follows/breaks, feedback in both languages, set, real, time', () => {
    const [r1, r2, r3] = get(c.nodes, 'opening').replies;
    assert.isDefined(r2, 'a second reply');
    assert.isDefined(r3, 'a third reply');
    expect(get(c.nodes, 'opening').replies.map((r) => r.id)).toEqual(['opening.1', 'opening.2', 'opening.3']);
    expect(get(c.nodes, 'photo').replies.map((r) => r.id)).toEqual(['photo.1', 'photo.2']);
    expect(r1).toEqual({
      id: 'opening.1',
      text: "I'm so sorry. Could you send a photo of the mug and the box?",
      next: 'photo',
      satisfaction: 15,
      follows: [],
      breaks: [],
      feedback: { zh: '先道歉，再请买家提供照片。', en: 'Apologise first, then ask for evidence.' },
      set: ['asked-photo'],
      unset: [],
      real: true,
      time: '2024-03-05T10:30:00',
      at: { line: 34, column: 1 },
    });
    expect(r2.breaks).toEqual(['P-OFFPLATFORM']);
    expect(r2.follows).toEqual([]);
    expect(r2.feedback).toEqual({ zh: '违反 P-OFFPLATFORM。' });
    expect(r2.real).toBe(false);
    expect(r3.breaks).toEqual(['P-TRUTHFUL']);
    expect(r3.satisfaction).toBe(-20);
  });

  it('reads conditions on replies and go to redirects', () => {
    expect(get(c.nodes, 'photo').replies[0]?.when).toEqual({ source: 'asked-photo', tests: [{ kind: 'flag', flag: 'asked-photo', present: true }] });
    expect(nth(get(c.nodes, 'photo').replies, 1).when).toBeUndefined();
    expect(get(c.nodes, 'angry').redirects).toEqual([
      {
        to: 'escalated',
        when: { source: 'satisfaction < 20', tests: [{ kind: 'satisfaction', op: '<', value: 20 }] },
        at: { line: 68, column: 10 },
      },
    ]);
  });

  it('reads endings: result, outcome, refund with or without the currency, payer, real, last message', () => {
    expect(Object.keys(c.endings)).toEqual(['refunded', 'paypal', 'escalated']);
    expect(c.endings.refunded).toEqual({
      id: 'refunded',
      result: 'resolved',
      outcome: { zh: '全额退款 20.00 USD，由卖家出资', en: 'Full refund of USD 20.00, paid by the seller' },
      refund: { amount: 2000, currency: 'USD' },
      paidBy: 'seller',
      real: true,
      message: 'Thanks!',
      at: { line: 79, column: 4 },
    });
    expect(get(c.endings, 'paypal').result).toBe('failed');
    expect(get(c.endings, 'paypal').refund).toBeUndefined();
    expect(get(c.endings, 'escalated').result).toBe('escalated');
    expect(get(c.endings, 'escalated').refund).toEqual({ amount: 2000, currency: 'USD' });
    expect(get(c.endings, 'escalated').message).toBeUndefined();
  });

  it('reads the briefing and analysis prose, and copies the cited rules', () => {
    expect(c.briefing).toEqual({ zh: '你是卖家 LI。' });
    expect(c.analysis).toEqual({ zh: '先道歉、取证，再在平台内退款。' });
    expect(Object.keys(c.rules).sort()).toEqual(['P-OFFPLATFORM', 'P-TRUTHFUL']);
    expect(c.rules['P-OFFPLATFORM']?.severity).toBe('critical');
    expect(c.rules['P-TRUTHFUL']?.asOf).toBe('2020-08');
    expect(c.penalties).toEqual({ critical: 50, major: 20, minor: 10 });
  });

  it('is plain JSON data', () => {
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });
});

describe('a front-matter text with no text in it', () => {
  // `title: {}` once left the case without a title and without a word about it.
  it.each([
    ['{}', 'title: {}'],
    ['a list', 'title: [a, b]'],
    ['an empty language', 'title: {zh: }'],
  ])('%s is an error at the value', (_, line) => {
    const r = parse(VALID.replace(/^title: .*$/m, line));
    expect(r.value).toBeUndefined();
    expect(codes(r.diagnostics)).toEqual(['3:8 FIELD_INVALID']);
  });

  it('a mistyped language key is reported once, as the unknown key', () => {
    const r = parse(VALID.replace(/^title: .*$/m, 'title: {zn: 测试}'));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['UNKNOWN_KEY']);
  });
});

// ---------------------------------------------------------------------------------------------
// Aliases: the same case written with Chinese keys, section names and full-width punctuation

const MINI_EN = `---
id: mini
title: {zh: 小案例, en: Mini case}
platform: TestMart
rulebook: test
order:
  number: A-2
  item: Cup
  amount: 5.00
  currency: USD
  created: 2024-01-02
  status: Delivered
  dispute reason: Not as described
customer: {name: Bo}
seller: {name: LI}
start: first
satisfaction: 50
rules: [P-OFFPLATFORM, P-TRUTHFUL]
phrases:
  - {en: Sorry, zh: 抱歉}
---
# Briefing
你是卖家。
# Dialogue
## first
- go to: lost if satisfaction < 10
- time: 2024-01-03 09:15
> Wrong colour.

1. Sorry, here is a refund.
   - next: done
   - satisfaction: +20
   - follows: P-OFFPLATFORM, P-TRUTHFUL
   - feedback: 好。
   - feedback en: Good.
   - if: satisfaction >= 40 and not warned
   - set: apologised, refunded
2. Pay me outside.
   - next: lost
   - satisfaction: -5
   - breaks: P-OFFPLATFORM, P-TRUTHFUL
   - feedback: 不好。
   - set: warned
# Endings
## done
- result: resolved
- outcome: 退款。
- refund: 5.00
- paid by: seller
## lost
- result: lost
- outcome: 流失。
# Analysis
先道歉。
`;

const MINI_ZH = `---
编号：mini
标题：{zh: 小案例, en: Mini case}
平台：TestMart
规则库：test
订单：
  订单号：A-2
  商品：Cup
  金额：5.00
  币种：USD
  下单日期：2024-01-02
  状态：Delivered
  纠纷原因：Not as described
买家：{名字: Bo}
卖家：{名字: LI}
开始：first
满意度：50
规则：[P-OFFPLATFORM，P-TRUTHFUL]
关键句：
  - {英文: Sorry, 中文: 抱歉}
---
# 背景
你是卖家。
# 对话
## first
- 转到：lost 如果 满意度 ＜ 10
- 时间：2024-01-03 09:15
> Wrong colour.

1. Sorry, here is a refund.
   - 下一步：done
   - 满意度：＋20
   - 遵守：P-OFFPLATFORM，P-TRUTHFUL
   - 点评：好。
   - 点评 英文：Good.
   - 条件：满意度 ≥ 40 且 没有 warned
   - 设置：apologised，refunded
2. Pay me outside.
   - 下一步：lost
   - 满意度：－5
   - 违反：P-OFFPLATFORM、P-TRUTHFUL
   - 点评：不好。
   - 设置：warned
# 结局
## done
- 结果：已解决
- 结局说明：退款。
- 退款：5.00
- 出资方：卖家
## lost
- 结果：流失
- 结局说明：流失。
# 案例分析
先道歉。
`;

/** Conditions keep the author's spelling and a go to's position depends on its key's length: compare the rest. */
function comparable(c: Case): unknown {
  const copy = structuredClone(c);
  for (const n of Object.values(copy.nodes)) {
    for (const d of n.redirects) {
      (d.when as { source?: string }).source = undefined;
      (d as { at?: unknown }).at = undefined;
    }
    for (const r of n.replies) if (r.when) (r.when as { source?: string }).source = undefined;
  }
  return copy;
}

describe('aliases and full-width punctuation', () => {
  const en = parse(MINI_EN);
  const zh = parse(MINI_ZH);

  it('both spellings parse without diagnostics', () => {
    expect(en.diagnostics).toEqual([]);
    expect(zh.diagnostics).toEqual([]);
  });

  it('the English case reads as expected', () => {
    const c = en.value!;
    expect(get(c.nodes, 'first').replies[0]).toMatchObject({
      next: 'done',
      satisfaction: 20,
      follows: ['P-OFFPLATFORM', 'P-TRUTHFUL'],
      feedback: { zh: '好。', en: 'Good.' },
      set: ['apologised', 'refunded'],
      when: {
        tests: [
          { kind: 'satisfaction', op: '>=', value: 40 },
          { kind: 'flag', flag: 'warned', present: false },
        ],
      },
    });
    expect(get(c.nodes, 'first').replies[1]).toMatchObject({ satisfaction: -5, breaks: ['P-OFFPLATFORM', 'P-TRUTHFUL'] });
    expect(c.endings.done).toMatchObject({ result: 'resolved', refund: { amount: 500, currency: 'USD' }, paidBy: 'seller' });
    expect(get(c.endings, 'lost').result).toBe('lost');
    expect(c.objectives).toEqual(['P-OFFPLATFORM', 'P-TRUTHFUL']);
  });

  it('the Chinese spelling gives the same case as the English one', () => {
    assert.isDefined(zh.value, 'the Chinese spelling checks');
    assert.isDefined(en.value, 'the English spelling checks');
    expect(comparable(zh.value)).toEqual(comparable(en.value));
  });

  it('conditions keep the source as the author wrote it', () => {
    expect(get(zh.value!.nodes, 'first').redirects[0]?.when.source).toBe('满意度 ＜ 10');
    expect(get(zh.value!.nodes, 'first').replies[0]?.when!.source).toBe('满意度 ≥ 40 且 没有 warned');
    expect(get(en.value!.nodes, 'first').redirects[0]?.when.source).toBe('satisfaction < 10');
  });

  it('key spelling is normalised: case, spaces, hyphens, underscores', () => {
    const variant = MINI_EN.replace('dispute reason:', 'Dispute_Reason:')
      .replace('   - feedback en: Good.', '   - Feedback-EN: Good.')
      .replace('- paid by: seller', '- paidBy: seller');
    const r = parse(variant);
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toEqual(en.value);
  });

  // The spec accepts `：` everywhere it is punctuation, inside `{…}` maps too.
  it('accepts full-width colons inside {…} maps too', () => {
    const r = parse(MINI_ZH.replace('买家：{名字: Bo}', '买家：{名字：Bo}').replace('标题：{zh: 小案例, en: Mini case}', '标题：{zh：小案例, en：Mini case}'));
    expect(codes(r.diagnostics)).toEqual([]);
    expect(r.value).toEqual(zh.value);
  });
});

// ---------------------------------------------------------------------------------------------
// Indentation of the key list under a reply (src/case/scan.ts): any indentation attaches the list
// to the reply above; only none at all (column 1) warns REPLY_KEYS_NOT_INDENTED, once per reply.

function reindent(source: string, indent: string): string {
  return source.replace(/^ {3}- /gm, `${indent}- `);
}

describe('reply key list indentation', () => {
  const base = parse(MINI_EN);

  it.each([
    ['2 spaces', '  '],
    ['4 spaces', '    '],
    ['a tab', '\t'],
  ])('%s is accepted silently and reads the same', (_name, indent) => {
    const source = reindent(MINI_EN, indent);
    expect(source).not.toBe(MINI_EN);
    const r = parse(source);
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toEqual(base.value);
  });

  it('no indentation warns once per reply, and still attaches the keys to the reply above', () => {
    const r = parse(reindent(MINI_EN, ''));
    expect(codes(r.diagnostics)).toEqual(['31:1 REPLY_KEYS_NOT_INDENTED', '39:1 REPLY_KEYS_NOT_INDENTED']);
    expect(r.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(r.value).toEqual(base.value);
  });

  it('1) numbering reads the same as 1.', () => {
    const r = parse(MINI_EN.replace('1. Sorry', '1) Sorry').replace('2. Pay', '2) Pay'));
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toEqual(base.value);
  });

  it('a long value continues on a following line indented deeper than the -', () => {
    const r = parse(MINI_EN.replace('   - feedback: 好。\n', '   - feedback: 好，\n     先道歉再退款。\n'));
    expect(r.diagnostics).toEqual([]);
    expect(get(r.value!.nodes, 'first').replies[0]?.feedback).toEqual({ zh: '好，\n先道歉再退款。', en: 'Good.' });
  });
});

// ---------------------------------------------------------------------------------------------
// Never throws; every diagnostic points inside the file

/** A seeded generator (the one that shuffles replies), so a failure can be reproduced. */
const prng = random;

/** `count` copies of the valid case, each with 1–4 random line edits. */
function mutations(seed: number, count: number): string[] {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => nth(list, Math.floor(rand() * list.length));
  const fragments = [
    '---', '# Dialogue', '# Endings', '# 对话', '## opening', '## x y', '1.', '2. Hi', '   - next: nowhere', '- next: photo',
    '   - if: satisfaction <', '- go to: escalated if', '- go to: opening if satisfaction < 100', '> quote', '```', '   - refund: 99999999999999999999',
    '   - satisfaction: ++', 'order: [', '  amount: 1e9', 'start:', 'rules: P-X', '', '\t- time: 2024-13-40 25:61', '- result:', '：：：', '# ',
  ];
  const original = VALID.split('\n');
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const lines = [...original];
    const edits = 1 + Math.floor(rand() * 4);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(rand() * lines.length);
      switch (Math.floor(rand() * 5)) {
        case 0: lines.splice(at, 1); break;
        case 1: lines.splice(at, 0, lines[at] ?? ''); break;
        case 2: { const other = Math.floor(rand() * lines.length); const [a = '', b = ''] = [lines[at], lines[other]]; lines[at] = b; lines[other] = a; break; }
        case 3: lines[at] = (lines[at] ?? '').slice(0, Math.floor(rand() * (lines[at]?.length ?? 0))); break;
        default: lines.splice(at, 0, pick(fragments));
      }
    }
    out.push(lines.join(rand() < 0.1 ? '\r\n' : '\n'));
  }
  return out;
}

const lineCount = (source: string) => source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length;

function expectWithinFile(source: string, diagnostics: Diagnostic[], label: string): void {
  const lines = lineCount(source);
  for (const d of diagnostics) {
    const where = `${label}: ${d.code} at ${d.line}:${d.column} (file has ${lines} lines)`;
    expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines, where).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1, where).toBe(true);
    expect(d.message.zh && d.message.en, where).toBeTruthy();
  }
}

function everyReader(source: string, label: string): void {
  let caseResult: ReturnType<typeof checkCase> | undefined;
  let rulebookResult: ReturnType<typeof parseRulebook> | undefined;
  expect(() => (caseResult = checkCase(source, { rulebooks })), label).not.toThrow();
  expect(() => (rulebookResult = parseRulebook(source)), label).not.toThrow();
  expectWithinFile(source, caseResult!.diagnostics, `${label} (case)`);
  expectWithinFile(source, rulebookResult!.diagnostics, `${label} (rulebook)`);
}

describe('garbage in: no throw, diagnostics inside the file', () => {
  it.each([
    ['empty string', ''],
    ['a newline', '\n'],
    ['binary bytes', '\u0000\u0001\u0002\u00ff\ufffd'],
    ['NUL inside a case', VALID.replace('# Analysis', '# Ana\u0000lysis')],
    ['an empty front matter', '---\n---'],
    ['an empty front matter and a newline', '---\n---\n'],
    ['only ---', '---'],
    ['only headings', '# Dialogue\n## a\n# Endings\n## b\n### c\n#\n##'],
    ['a YAML list as front matter', '---\n- a\n- b\n---\n'],
    ['a YAML scalar as front matter', '---\nhello\n---\n'],
    ['an unterminated flow map', '---\nid: {a: [\n---\n'],
    ['CRLF line endings', VALID.replace(/\n/g, '\r\n')],
    ['a BOM', `\uFEFF${VALID}`],
    ['a code fence never closed', VALID.replace('# Endings', '```\n# Endings')],
    ['a reply with only a key list', '---\nid: a\n---\n# Dialogue\n## a\n1.\n   -\n   - :\n   - : x\n'],
    ['deep nesting', `---\nid: ${'['.repeat(500)}\n---\n`],
    ['a very long line', `---\nid: ${'a'.repeat(100_000)}\n---\n`],
  ])('%s', (label, source) => {
    everyReader(source, label);
  });

  it('the valid case checks the same with CRLF line endings and a BOM', () => {
    // The same as with LF and no BOM: no format diagnostic, and the same advice (see leaks.ts).
    const lf = checkCase(VALID, { rulebooks }).diagnostics;
    expect(lf.every((d) => LEAK_CODES.has(d.code))).toBe(true);
    expect(checkCase(VALID.replace(/\n/g, '\r\n'), { rulebooks }).diagnostics).toEqual(lf);
    expect(checkCase(`\uFEFF${VALID}`, { rulebooks }).diagnostics).toEqual(lf);
  });

  it('200 random byte strings', () => {
    const rand = prng(20240305);
    for (let i = 0; i < 200; i++) {
      const bytes = new Uint8Array(Math.floor(rand() * 600));
      for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(rand() * 256);
      // Half decoded as UTF-8 (with replacement characters), half as Latin-1.
      const source = i % 2 ? new TextDecoder().decode(bytes) : String.fromCharCode(...bytes);
      everyReader(source, `random bytes #${i}`);
    }
  });

  it('200 random mutations of the valid case (lines deleted, duplicated, swapped, cut, or replaced by format fragments)', () => {
    for (const [i, source] of mutations(7, 200).entries()) everyReader(source, `mutation #${i}`);
  });

  // A case comes back exactly when there is no error: otherwise validate prints nothing and exits 0
  // for a case the build then leaves out. (diagnostics.test.ts shows inputs that break this today:
  // a blank title:, platform: or start:.)
  it('no value exactly when there is an error, over the same 200 mutations', () => {
    const silent: string[] = [];
    for (const [i, source] of mutations(7, 200).entries()) {
      const r = checkCase(source, { rulebooks });
      const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
      expect(r.value === undefined || errors === 0, `mutation #${i} has a value and ${errors} errors`).toBe(true);
      if (r.value === undefined && errors === 0) silent.push(`mutation #${i}`);
    }
    expect(silent, 'refused without any error').toEqual([]);
  });

  // A diagnostic about something missing at the end still points inside the file.
  it('a rulebook that ends at its closing --- reports inside the file', () => {
    const source = '---\nid: x\n---';
    const r = parseRulebook(source);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['SECTION_MISSING']);
    expectWithinFile(source, r.diagnostics, 'rulebook without a body');
  });
});

// ---------------------------------------------------------------------------------------------
// values.ts

describe('readAmount', () => {
  it('reads amounts into integer minor units of the currency', () => {
    expect(readAmount('80.00', 'USD')).toEqual({ ok: true, value: { amount: 8000, currency: 'USD' } });
    expect(readAmount('8', 'USD')).toEqual({ ok: true, value: { amount: 800, currency: 'USD' } });
    expect(readAmount('8.5', 'USD')).toEqual({ ok: true, value: { amount: 850, currency: 'USD' } });
    expect(readAmount('100', 'JPY')).toEqual({ ok: true, value: { amount: 100, currency: 'JPY' } });
    expect(readAmount('１２.５０', 'USD')).toEqual({ ok: true, value: { amount: 1250, currency: 'USD' } });
  });

  it('refuses too many decimals for the currency, and non-numbers, with reasons in both languages', () => {
    for (const [raw, currency] of [['8.005', 'USD'], ['100.5', 'JPY'], ['abc', 'USD'], ['-5', 'USD'], ['', 'USD'], ['8.', 'USD']] as const) {
      const r = readAmount(raw, currency);
      expect(r.ok, `${raw} ${currency}`).toBe(false);
      if (!r.ok) {
        expect(r.zh).not.toBe('');
        expect(r.en).not.toBe('');
      }
    }
    const r = readAmount('8.005', 'USD');
    expect(r.ok || r.en).toMatch(/2 decimal places/);
  });

  it('refuses an amount too large to be exact', () => {
    expect(readAmount('99999999999999999999', 'USD').ok).toBe(false);
  });

  // "20,00" — a decimal comma, as written in most of Europe — would be a hundred times the amount meant.
  it('does not read a decimal comma as a thousands separator', () => {
    expect(readAmount('20,00', 'USD').ok).toBe(false);
  });
});

describe('readTime and readDate', () => {
  it('normalises to YYYY-MM-DDTHH:MM:SS', () => {
    expect(readTime('2018-05-3 20:11:47')).toEqual({ ok: true, value: '2018-05-03T20:11:47' });
    expect(readTime('2024-03-05 10:00')).toEqual({ ok: true, value: '2024-03-05T10:00:00' });
    expect(readTime('2018-05-03T20:11')).toEqual({ ok: true, value: '2018-05-03T20:11:00' });
    expect(readTime('2018-5-3 9:05')).toEqual({ ok: true, value: '2018-05-03T09:05:00' });
    expect(readTime('２０１８-０５-０３ ２０:１１')).toEqual({ ok: true, value: '2018-05-03T20:11:00' });
  });

  it('refuses other formats and impossible times', () => {
    for (const raw of ['2024/03/05 10:00', '2018-05-03', '10:00', '2018-05-03 24:00', '2018-05-03 10:60', '2018-02-30 10:00', 'tomorrow'])
      expect(readTime(raw).ok, raw).toBe(false);
  });

  it('reads dates, padding single digits, and refuses days that do not exist', () => {
    expect(readDate('2018-4-3')).toEqual({ ok: true, value: '2018-04-03' });
    expect(readDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(readDate('2023-02-29').ok).toBe(false);
    expect(readDate('03/04/2018').ok).toBe(false);
  });
});

describe('readCondition', () => {
  it('reads satisfaction comparisons and negated flags joined by and', () => {
    expect(readCondition('satisfaction < 30 and not apologised')).toEqual({
      ok: true,
      value: {
        source: 'satisfaction < 30 and not apologised',
        tests: [
          { kind: 'satisfaction', op: '<', value: 30 },
          { kind: 'flag', flag: 'apologised', present: false },
        ],
      },
    });
  });

  it('reads the Chinese and full-width spellings', () => {
    expect(readCondition('满意度 ≥ 60')).toEqual({ ok: true, value: { source: '满意度 ≥ 60', tests: [{ kind: 'satisfaction', op: '>=', value: 60 }] } });
    const tests = (raw: string) => {
      const r = readCondition(raw);
      return r.ok ? r.value.tests : r.en;
    };
    expect(tests('满意度＞＝60')).toEqual([{ kind: 'satisfaction', op: '>=', value: 60 }]);
    expect(tests('满意度 ≤ 20 且 没有 apologised')).toEqual([
      { kind: 'satisfaction', op: '<=', value: 20 },
      { kind: 'flag', flag: 'apologised', present: false },
    ]);
    expect(tests('satisfaction >= 40 并且 satisfaction < 70')).toEqual([
      { kind: 'satisfaction', op: '>=', value: 40 },
      { kind: 'satisfaction', op: '<', value: 70 },
    ]);
    expect(tests('apologised，explained')).toEqual([
      { kind: 'flag', flag: 'apologised', present: true },
      { kind: 'flag', flag: 'explained', present: true },
    ]);
    expect(tests('!apologised')).toEqual([{ kind: 'flag', flag: 'apologised', present: false }]);
    expect(tests('satisfaction = 50')).toEqual([{ kind: 'satisfaction', op: '=', value: 50 }]);
    expect(tests('satisfaction == 50')).toEqual([{ kind: 'satisfaction', op: '=', value: 50 }]);
  });

  it('refuses what it cannot read, with a reason in both languages', () => {
    for (const raw of ['', 'satisfaction is low', 'satisfaction < high', 'asked photo', 'asked-photo = yes', 'not asked photo']) {
      const r = readCondition(raw);
      expect(r.ok, raw).toBe(false);
      if (!r.ok) expect(r.zh && r.en, raw).toBeTruthy();
    }
  });
});

describe('small readers', () => {
  it('readWhole: signed whole numbers, full-width signs', () => {
    expect(readWhole('+10')).toEqual({ ok: true, value: 10 });
    expect(readWhole('-5')).toEqual({ ok: true, value: -5 });
    expect(readWhole('＋10')).toEqual({ ok: true, value: 10 });
    expect(readWhole('－5')).toEqual({ ok: true, value: -5 });
    expect(readWhole('−5')).toEqual({ ok: true, value: -5 });
    expect(readWhole('0')).toEqual({ ok: true, value: 0 });
    expect(readWhole('+12.5').ok).toBe(false);
    expect(readWhole('ten').ok).toBe(false);
  });

  it('readList: commas, full-width commas and 、', () => {
    expect(readList('P-A, P-B、P-C，P-D')).toEqual(['P-A', 'P-B', 'P-C', 'P-D']);
    expect(readList(' , ')).toEqual([]);
  });

  it('readYesNo', () => {
    expect(readYesNo('yes')).toEqual({ ok: true, value: true });
    expect(readYesNo('是')).toEqual({ ok: true, value: true });
    expect(readYesNo('No')).toEqual({ ok: true, value: false });
    expect(readYesNo('maybe').ok).toBe(false);
  });
});

describe('rule kind', () => {
  const RULEBOOK = read('tests/fixtures/cases/rulebooks/test.md');
  const withKinds = (offplatform: string, truthful: string) =>
    RULEBOOK.replace('- severity: critical', `- severity: critical\n${offplatform}`).replace('- severity: major', `- severity: major\n${truthful}`);

  it('reads platform rules and course standards, in English or Chinese', () => {
    for (const [a, b] of [
      ['- kind: platform', '- kind: course'],
      ['- 类型: 平台规则', '- 类型: 课程标准'],
      ['- Kind: Platform rule', '- kind: Course standard'],
    ] as const) {
      const r = parseRulebook(withKinds(a, b), 'test.md');
      expect(r.diagnostics, a).toEqual([]);
      expect(r.value!.rules['P-OFFPLATFORM']?.kind, a).toBe('platform');
      expect(r.value!.rules['P-TRUTHFUL']?.kind, b).toBe('course');
    }
  });

  it('leaves the kind out when a rule does not give one', () => {
    expect(testRulebook.rules['P-TIMELY']).not.toHaveProperty('kind');
  });

  it('refuses a kind that is neither, naming the allowed values', () => {
    const r = parseRulebook(withKinds('- kind: law', '- kind: course'), 'test.md');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['VALUE_INVALID', 10]]);
    expect(r.diagnostics[0]?.message.en).toContain('platform, course');
  });
});

describe('rule dates: the source\'s own, or undated with the day it was consulted', () => {
  const RULEBOOK = read('tests/fixtures/cases/rulebooks/test.md');
  /** The test rulebook with P-TIMELY's `- as of: 2021-01-01` line (line 27) replaced. */
  const timely = (lines: string) => parseRulebook(RULEBOOK.replace('- as of: 2021-01-01', lines), 'test.md');

  it('reads an undated source with its consulted date, in English or Chinese, and never as the source\'s date', () => {
    for (const lines of ['- as of: undated\n- consulted: 2026-12-05', '- 截至: 未注明\n- 查阅: 2026-12-05', '- as of: Undated\n- Consulted: 2026-12-5']) {
      const r = timely(lines);
      expect(r.diagnostics, lines).toEqual([]);
      const rule = get(r.value?.rules ?? {}, 'P-TIMELY');
      expect(rule.consulted, lines).toBe('2026-12-05');
      expect(rule, lines).not.toHaveProperty('asOf');
    }
  });

  it('keeps a dated source\'s date, with or without a consulted date', () => {
    expect(get(testRulebook.rules, 'P-TRUTHFUL').asOf).toBe('2020-08');
    expect(get(testRulebook.rules, 'P-TRUTHFUL')).not.toHaveProperty('consulted');
    const r = timely('- as of: 2021-01-01\n- consulted: 2026-12-05');
    expect(r.diagnostics).toEqual([]);
    expect(r.value!.rules['P-TIMELY']).toMatchObject({ asOf: '2021-01-01', consulted: '2026-12-05' });
  });

  it('refuses an undated source without a consulted date, pointing at "undated"', () => {
    const r = timely('- as of: undated');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['27:10 CONSULTED_MISSING']);
    const d = nth(r.diagnostics, 0);
    expect(d.message.en).toContain('P-TIMELY');
    expect(d.message.zh).toContain('consulted');
    expect(d.hint?.en).toContain('consulted: ');
    expect(d.hint?.zh).toContain('consulted: ');
  });

  it('refuses a consulted date that is not a day, pointing at it', () => {
    for (const bad of ['2026-12', '05/12/2026', '2026-02-30']) {
      const r = timely(`- as of: undated\n- consulted: ${bad}`);
      expect(r.value, bad).toBeUndefined();
      expect(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`), bad).toEqual(['28:14 FIELD_INVALID']);
      expect(nth(r.diagnostics, 0).message.en, bad).toContain('consulted');
    }
  });

  it('refuses any other word for "as of", saying how to write an undated source', () => {
    const r = timely('- as of: unknown');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['FIELD_INVALID']);
    expect(nth(r.diagnostics, 0).message.en).toContain('undated');
  });
});
