/**
 * Every diagnostic code in the catalogue, proven by a fixture.
 *
 * Each file in tests/fixtures/diagnostics/ is tests/fixtures/cases/valid.md with ONE realistic
 * author mistake, named after the code it must produce: `TARGET_NOT_FOUND.md`. The test asserts
 * that checking it yields exactly that one diagnostic, at the line and column of the mistake
 * ("one typo yields one error, not a cascade"). `<CODE>.<variant>.md` files are further mistakes
 * for the same code. Rulebook mistakes live in tests/fixtures/diagnostics/rulebook-mistakes/rulebooks/;
 * tests/fixtures/diagnostics/rulebooks/test.md is a copy of the test rulebook so that
 * `npx tsx scripts/validate.ts tests/fixtures/diagnostics` shows each fixture's diagnostics.
 *
 * Two codes need inputs too big or too branchy for a fixture file and are generated here:
 * CASE_TOO_LARGE and PATHS_TOO_MANY.
 *
 * A code added to CATALOGUE without a row in CODES (or, for a rulebook-only code, RULEBOOK_CODES)
 * fails "every catalogue code is proven".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, formatDiagnostic, type DiagnosticCode } from '../../src/case/diagnostics.ts';
import { MAX_CASE_BYTES, parseCase } from '../../src/case/parse.ts';
import { parseRulebook } from '../../src/case/rulebook.ts';
import type { Diagnostic, ParseResult, Rulebook } from '../../src/case/types.ts';
import { checkCase } from '../../src/engine/check.ts';
import { LEAK_CODES } from '../../src/engine/leaks.ts';
import { explore, STATE_BUDGET } from '../../src/engine/explore.ts';
import { nth } from '../fixtures/present.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = 'tests/fixtures/diagnostics';
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

const testRulebook: Rulebook = (() => {
  const r = parseRulebook(read('tests/fixtures/cases/rulebooks/test.md'), 'tests/fixtures/cases/rulebooks/test.md');
  if (!r.value || r.diagnostics.length) throw new Error(`the test rulebook does not parse: ${JSON.stringify(r.diagnostics)}`);
  return r.value;
})();
const rulebooks = { test: testRulebook };
const VALID = read('tests/fixtures/cases/valid.md');

/**
 * The answer-leak warnings (src/engine/leaks.ts) judge how a whole case is written: no hints, the
 * best reply always the longest, no trap that pleases more than the best. The fixtures are small
 * cases made to show one format mistake each, so those warnings are set aside here, except in the
 * fixtures named after them (which are clean of the other two).
 */
const LEAKS = LEAK_CODES;
const check = (source: string, file = 'case.md') => {
  const r = checkCase(source, { file, rulebooks });
  const own = file.replace(/^.*\//, '').replace(/\..*$/, '');
  return LEAKS.has(own) ? r : { ...r, diagnostics: r.diagnostics.filter((d) => !LEAKS.has(d.code)) };
};
const brief = (list: Diagnostic[]) => list.map((d) => ({ code: d.code, line: d.line, column: d.column }));

/** Results by input, so the catalogue checks at the end reuse them (and still work when run alone). */
const results = new Map<string, ParseResult<unknown>>();
function once<T>(name: string, run: () => ParseResult<T>): ParseResult<T> {
  if (!results.has(name)) results.set(name, run());
  return results.get(name) as ParseResult<T>;
}
const caseFixture = (name: string) => {
  const file = `${FIXTURES}/${name}`;
  return { file, source: read(file), result: once(file, () => check(read(file), file)) };
};
const rulebookFixture = (name: string) => {
  const file = `${FIXTURES}/rulebook-mistakes/rulebooks/${name}`;
  return { file, source: read(file), result: once(file, () => parseRulebook(read(file), file)) };
};
const tooLarge = () => once('too large', () => check('x'.repeat(MAX_CASE_BYTES + 1)));
const paddedTooLarge = () =>
  once('padded too large', () => check(`${VALID}\n${'Analysis text. '.repeat(Math.ceil(MAX_CASE_BYTES / 15))}`));
const tooManyPaths = () => once('too many paths', () => check(manyFlags(18)));

interface Row {
  code: DiagnosticCode;
  line: number;
  column: number;
  /** The text the diagnostic points at (the source from line:column starts with it); omitted for file-level codes. */
  at?: string;
  /** What the author got wrong. */
  mistake: string;
}

/**
 * One fixture per code, `${code}.md`. CASE_TOO_LARGE and PATHS_TOO_MANY are generated below and
 * listed in GENERATED instead.
 */
const CODES: Row[] = [
  { code: 'FRONT_MATTER_MISSING', line: 1, column: 1, mistake: 'the opening --- line is missing' },
  // An unclosed front matter is read up to the first heading, so the sections after it still count.
  { code: 'FRONT_MATTER_UNCLOSED', line: 1, column: 1, mistake: 'the closing --- line is missing' },
  { code: 'FRONT_MATTER_INVALID', line: 3, column: 8, at: 'Broken mug: refund', mistake: 'an unquoted title containing ": "' },
  { code: 'FIELD_MISSING', line: 1, column: 1, mistake: 'platform: is left out' },
  { code: 'FIELD_INVALID', line: 11, column: 12, at: '2024-02-30', mistake: 'order created on 30 February' },
  { code: 'UNKNOWN_KEY', line: 35, column: 6, at: 'nxet: photo', mistake: 'next misspelt as nxet' },
  { code: 'UNKNOWN_SECTION', line: 26, column: 3, at: 'Dialog', mistake: '# Dialog for # Dialogue' },
  // With no # Endings at all, references to endings cannot be checked: one mistake, one diagnostic.
  { code: 'SECTION_MISSING', line: 77, column: 1, at: '# Analysis', mistake: 'the whole # Endings section is left out' },
  { code: 'DUPLICATE_SECTION', line: 26, column: 3, at: 'Briefing', mistake: '# Briefing again for the English translation instead of # Briefing en' },
  // A node with an invalid id is kept under the id as written, so the replies naming it still resolve.
  { code: 'ID_INVALID', line: 67, column: 4, at: 'angry buyer', mistake: 'a node id with a space (## angry buyer, next: angry buyer)' },
  { code: 'DUPLICATE_ID', line: 77, column: 4, at: 'angry', mistake: 'the ## angry node pasted twice' },
  { code: 'DUPLICATE_KEY', line: 36, column: 6, at: 'next: refunded', mistake: 'a second next: under the same reply' },
  { code: 'TEXT_OUTSIDE_NODE', line: 28, column: 1, at: 'The buyer writes first.', mistake: 'a sentence between # Dialogue and the first ##' },
  { code: 'KEY_VALUE_EXPECTED', line: 36, column: 6, at: 'satisfaction +15', mistake: 'the colon after satisfaction forgotten' },
  { code: 'REPLY_KEYS_NOT_INDENTED', line: 35, column: 1, at: '- next: photo', mistake: 'the key list under reply 1 not indented' },
  // A bare "2." is an empty list item in Markdown, so here a reply with no text.
  { code: 'REPLY_TEXT_MISSING', line: 62, column: 1, at: '2.', mistake: 'a reply number with no text after it' },
  { code: 'NEXT_MISSING', line: 47, column: 1, at: '3. It was fine', mistake: 'the next line of reply 3 left out' },
  { code: 'TARGET_NOT_FOUND', line: 35, column: 12, at: 'phot', mistake: 'next: phot for next: photo' },
  { code: 'START_NOT_FOUND', line: 16, column: 8, at: 'openning', mistake: 'start: openning' },
  { code: 'DEAD_END', line: 67, column: 4, at: 'angry', mistake: 'the replies of ## angry not written yet' },
  { code: 'MESSAGE_MISSING', line: 53, column: 4, at: 'photo', mistake: 'the > quote of ## photo left out' },
  { code: 'UNREACHABLE', line: 102, column: 4, at: 'partial', mistake: 'a new ending no reply points to' },
  { code: 'NO_WAY_TO_END', line: 70, column: 4, at: 'waiting', mistake: 'a "please wait" node whose only reply loops back to itself' },
  { code: 'STUCK', line: 67, column: 4, at: 'angry', mistake: 'if: satisfaction >= 30 on the only reply of a node reached at 20–29' },
  { code: 'RULEBOOK_NOT_FOUND', line: 5, column: 11, at: 'tset', mistake: 'rulebook: tset' },
  { code: 'RULE_NOT_FOUND', line: 45, column: 14, at: 'P-OFFPLATFROM', mistake: 'breaks: P-OFFPLATFROM' },
  { code: 'RULE_NEVER_CITED', line: 18, column: 36, at: 'P-TIMELY', mistake: 'rules lists P-TIMELY, which no reply follows or breaks' },
  { code: 'FEEDBACK_MISSING', line: 72, column: 1, at: '1. I understand', mistake: 'the feedback of ## angry reply 1 left out' },
  { code: 'SATISFACTION_NOT_WHOLE', line: 58, column: 20, at: '+12.5', mistake: 'satisfaction: +12.5' },
  { code: 'AMOUNT_INVALID', line: 83, column: 11, at: '8.005', mistake: 'refund: 8.005 (three decimals in USD)' },
  { code: 'AMOUNT_EXCEEDS_ORDER', line: 83, column: 11, at: '200.00', mistake: 'refund: 200.00 for a 20.00 order' },
  { code: 'CURRENCY_MISMATCH', line: 99, column: 11, at: '18.40 EUR', mistake: 'refund: 18.40 EUR on a USD order' },
  { code: 'NESTING_TOO_DEEP', line: 105, column: 1, at: '> > > >', mistake: 'a quote nested 25 levels deep in the analysis' },
  { code: 'TIME_INVALID', line: 29, column: 9, at: '2024/03/05 10:00', mistake: 'time: 2024/03/05 10:00' },
  { code: 'CONDITION_INVALID', line: 59, column: 10, at: 'asked-photo = yes', mistake: 'if: asked-photo = yes' },
  // At the condition that tests the flag (here the go to line), not the node's heading.
  { code: 'FLAG_NEVER_SET', line: 68, column: 10, at: 'escalated if', mistake: 'a go to tests not apologised, which no reply sets' },
  { code: 'SATISFACTION_OUT_OF_RANGE', line: 36, column: 20, at: '+150', mistake: 'satisfaction: +150 (a zero too many)' },
  { code: 'TEXT_ONE_LANGUAGE', line: 68, column: 4, at: 'angry', mistake: 'two of three buyer messages glossed, the third forgotten' },
  { code: 'PHRASE_NEVER_SAID', line: 20, column: 5, at: '{en: "I\'m sorry', mistake: 'a key phrase that no reply says' },
  { code: 'VALUE_INVALID', line: 80, column: 11, at: 'refunded', mistake: 'result: refunded' },
  { code: 'NO_PASSING_PATH', line: 28, column: 1, at: '## opening', mistake: 'satisfaction: -15 for +15 on the only good first reply' },
  { code: 'KEEP_INVALID', line: 52, column: 12, at: 'end', mistake: 'keep: end for keep: last' },
  // The three leak fixtures start from the valid case with hints at both decision points, a longer
  // PayPal trap that pleases more (+20) than the best first reply (+15), and then undo one of these.
  { code: 'HINT_MISSING', line: 55, column: 4, at: 'photo', mistake: 'the hint of ## photo left out' },
  { code: 'BEST_IS_LONGEST', line: 28, column: 1, at: '## opening', mistake: 'the PayPal trap written short, so the best reply is the longest at both points' },
  { code: 'NO_TEMPTING_TRAP', line: 28, column: 1, at: '## opening', mistake: 'the PayPal trap at +10, below the best reply' },
];

/** Codes proven by generated input in the describe blocks below. */
const GENERATED: DiagnosticCode[] = ['CASE_TOO_LARGE', 'PATHS_TOO_MANY'];

interface Variant {
  file: string;
  expected: { code: DiagnosticCode; line: number; column: number }[];
  why: string;
}

/** More mistakes for codes already proven above: `<CODE>.<variant>.md`. */
const VARIANTS: Variant[] = [
  {
    // Reply ids must be unique: the engine picks replies by id, so a repeated one could never be chosen.
    file: 'DUPLICATE_ID.reply-id.md',
    expected: [{ code: 'DUPLICATE_ID', line: 52, column: 10 }],
    why: 'two replies given the same id',
  },
  {
    // An unclosed quote is reported where it opens, not at the end of the front matter; the key
    // it swallowed is unreadable, not also "missing".
    file: 'FRONT_MATTER_INVALID.unclosed-quote.md',
    expected: [{ code: 'FRONT_MATTER_INVALID', line: 4, column: 11 }],
    why: 'platform: "TestMart with no closing quote',
  },
  {
    // Each key reads on its own, so the mistake between them is still reported.
    file: 'FRONT_MATTER_INVALID.key-twice.md',
    expected: [{ code: 'FRONT_MATTER_INVALID', line: 5, column: 1 }],
    why: 'platform: given twice',
  },
  {
    // One run finds everything: a broken front matter does not hide the body's mistakes.
    file: 'FRONT_MATTER_INVALID.body-still-checked.md',
    expected: [
      { code: 'FRONT_MATTER_INVALID', line: 3, column: 8 },
      { code: 'TARGET_NOT_FOUND', line: 35, column: 12 },
    ],
    why: 'an unquoted title with ": " and next: phot',
  },
  {
    // The start value is read even when another front-matter line is broken.
    file: 'FIELD_INVALID.start-satisfaction.md',
    expected: [
      { code: 'FRONT_MATTER_INVALID', line: 3, column: 8 },
      { code: 'FIELD_INVALID', line: 17, column: 15 },
    ],
    why: 'an unquoted title with ": " and satisfaction: 140',
  },
  {
    // At the reply's if line; the reply can then never be offered, so no path passes either.
    file: 'FLAG_NEVER_SET.reply-if.md',
    expected: [
      { code: 'FLAG_NEVER_SET', line: 59, column: 10 },
      { code: 'NO_PASSING_PATH', line: 28, column: 1 },
    ],
    why: 'if: asked-foto for asked-photo',
  },
  {
    // Read as `feedback en`, so it is not also "feedback given twice".
    file: 'UNKNOWN_KEY.feedbackk-en.md',
    expected: [{ code: 'UNKNOWN_KEY', line: 39, column: 6 }],
    why: 'feedbackk en: misspelt, with its language',
  },
  {
    file: 'REPLY_TEXT_MISSING.trailing-space.md',
    expected: [{ code: 'REPLY_TEXT_MISSING', line: 62, column: 1 }],
    why: '"2. " with a trailing space and nothing else',
  },
  {
    // A go to with an unreadable condition still counts as a way on, so its target is not also "unreachable".
    file: 'CONDITION_INVALID.go-to.md',
    expected: [{ code: 'CONDITION_INVALID', line: 68, column: 10 }],
    why: 'go to: escalated if satisfaction is below 20',
  },
  {
    // "20,00" (a decimal comma) is refused; a comma is only a thousands separator before 3 digits.
    file: 'AMOUNT_INVALID.decimal-comma.md',
    expected: [{ code: 'AMOUNT_INVALID', line: 9, column: 11 }],
    why: 'order amount 20,00 with a European decimal comma',
  },
  {
    // Deleting the one line `# Endings` leaves the endings under # Dialogue. Entries with ending
    // keys and no replies are read as the endings they evidently are, and the missing heading is
    // reported once, where it belongs: above the first of them.
    file: 'SECTION_MISSING.heading-deleted.md',
    expected: [{ code: 'SECTION_MISSING', line: 77, column: 1 }],
    why: 'the # Endings heading line deleted',
  },
];

/** Rulebook mistakes, in tests/fixtures/diagnostics/rulebook-mistakes/rulebooks/, each on tests/fixtures/cases/rulebooks/test.md. */
const RULEBOOK_CODES: Row[] = [
  { code: 'FRONT_MATTER_INVALID', line: 4, column: 33, mistake: 'the closing } of title left out' },
  { code: 'UNKNOWN_SECTION', line: 6, column: 3, at: 'Rule list', mistake: '# Rule list for # Rules' },
  { code: 'SECTION_MISSING', line: 6, column: 1, mistake: 'the # Rules heading deleted' },
  { code: 'ID_INVALID', line: 22, column: 4, at: 'P TIMELY', mistake: '## P TIMELY' },
  { code: 'DUPLICATE_ID', line: 22, column: 4, at: 'P-TRUTHFUL', mistake: 'P-TRUTHFUL used for the third rule too' },
  { code: 'UNKNOWN_KEY', line: 23, column: 3, at: 'sevrity', mistake: 'severity misspelt' },
  { code: 'KEY_VALUE_EXPECTED', line: 21, column: 3, at: 'see also', mistake: 'a bullet note without a key' },
  { code: 'FIELD_MISSING', line: 15, column: 4, at: 'P-TRUTHFUL', mistake: 'the source of P-TRUTHFUL left out' },
  { code: 'FIELD_INVALID', line: 27, column: 10, at: '01/01/2021', mistake: 'as of: 01/01/2021' },
  { code: 'CONSULTED_MISSING', line: 27, column: 10, at: 'undated', mistake: 'as of: undated, with no consulted date' },
  { code: 'VALUE_INVALID', line: 16, column: 13, at: 'majr', mistake: 'severity: majr' },
];

/** More rulebook mistakes for codes already proven above: `<CODE>.<variant>.md` in rulebook-mistakes/rulebooks/. */
const RULEBOOK_VARIANTS: (Row & { file: string })[] = [
  { file: 'VALUE_INVALID.kind.md', code: 'VALUE_INVALID', line: 17, column: 9, at: 'platfrom', mistake: 'kind: platfrom' },
];

function expectPointsAt(source: string, d: Diagnostic, at: string | undefined): void {
  if (at === undefined) return;
  const line = source.split(/\r\n|\r|\n/)[d.line - 1] ?? '';
  expect(line.slice(d.column - 1), `${d.code} at ${d.line}:${d.column}`).toMatch(new RegExp(`^${at.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
}

describe('the valid fixture', () => {
  it('checks clean: no diagnostics and a playable case', () => {
    const r = check(VALID, 'tests/fixtures/cases/valid.md');
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.id).toBe('valid-case');
  });
});

describe('one fixture per diagnostic code', () => {
  it.each(CODES)('$code: $mistake', ({ code, line, column, at }) => {
    const { file, source, result: r } = caseFixture(`${code}.md`);
    expect(brief(r.diagnostics)).toEqual([{ code, line, column }]);
    const d = nth(r.diagnostics, 0, 'the diagnostic');
    expect(d.file).toBe(file);
    expectPointsAt(source, d, at);
    // A case comes back only when it has no errors.
    expect(r.value === undefined).toBe(CATALOGUE[code].severity === 'error');
  });

  it.each(VARIANTS)('$file: $why', ({ file, expected }) => {
    const r = caseFixture(file).result;
    expect(brief(r.diagnostics)).toEqual(expected);
  });
});

describe('rulebook fixtures', () => {
  it.each(RULEBOOK_CODES)('$code: $mistake', ({ code, line, column, at }) => {
    const { file, source, result: r } = rulebookFixture(`${code}.md`);
    expect(brief(r.diagnostics)).toEqual([{ code, line, column }]);
    expect(r.diagnostics[0]?.file).toBe(file);
    expectPointsAt(source, nth(r.diagnostics, 0, 'the diagnostic'), at);
    expect(r.value).toBeUndefined();
  });

  it.each(RULEBOOK_VARIANTS)('$file: $mistake', ({ file: name, code, line, column, at }) => {
    const { source, result: r } = rulebookFixture(name);
    expect(brief(r.diagnostics)).toEqual([{ code, line, column }]);
    expectPointsAt(source, nth(r.diagnostics, 0, 'the diagnostic'), at);
    // The hint names the value the author most likely meant.
    expect(r.diagnostics[0]?.hint?.en).toContain('platform');
    expect(r.value).toBeUndefined();
  });
});

/**
 * A file the checker refuses (no case comes back) must say why: otherwise `npm run validate`
 * prints nothing and exits 0 while the build silently leaves the case out.
 */
describe('nothing is refused or dropped silently', () => {
  // A blank `title:`, `platform:` or `start:` is as good as missing (only the code is asserted).
  it.each([
    ['title', 'title: {zh: 测试案例, en: Test case}', 'title:'],
    ['platform', 'platform: TestMart', 'platform:'],
    ['start', 'start: opening', 'start:'],
  ])('a blank %s is reported as FIELD_MISSING', (_field, line, blank) => {
    const r = check(VALID.replace(line, blank));
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['FIELD_MISSING']);
  });

  // `phrases:` written as one map instead of a list is refused, not silently dropped.
  it('phrases written as a map instead of a list is FIELD_INVALID', () => {
    const r = check(VALID.replace(`phrases:\n  - {en: "I'm so sorry.", zh: 非常抱歉。}`, 'phrases: {en: Sorry, zh: 抱歉}'));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['FIELD_INVALID']);
  });
});

describe('CASE_TOO_LARGE (generated)', () => {
  it('refuses a file over the limit before reading it, with exactly one diagnostic', () => {
    const r = tooLarge();
    expect(brief(r.diagnostics)).toEqual([{ code: 'CASE_TOO_LARGE', line: 1, column: 1 }]);
    expect(r.value).toBeUndefined();
  });

  it('refuses the valid case padded past the limit, and nothing else', () => {
    const r = paddedTooLarge();
    expect(brief(r.diagnostics)).toEqual([{ code: 'CASE_TOO_LARGE', line: 1, column: 1 }]);
  });

  it('accepts the valid case padded to exactly the limit', () => {
    // The limit is in UTF-8 bytes, and the case has Chinese text (3 bytes a character).
    const head = `${VALID}\n`;
    const padded = head + 'x'.repeat(MAX_CASE_BYTES - new TextEncoder().encode(head).length);
    expect(new TextEncoder().encode(padded).length).toBe(MAX_CASE_BYTES);
    expect(check(padded).diagnostics).toEqual([]);
  });
});

/**
 * `k` steps, each offering "set flag-i" or "don't": 2^k flag combinations. The final node's
 * satisfaction-dependent go to turns off the explorer's dominance pruning, so every combination
 * is a distinct state: 2^18 − 1 = 262,143 > STATE_BUDGET (200,000).
 */
function manyFlags(k: number): string {
  let body = '';
  for (let i = 1; i <= k; i++) {
    const next = i === k ? 'done' : `step-${i + 1}`;
    body += `## step-${i}\n${i === k ? '- go to: lost if satisfaction < 5\n' : ''}\n> Question ${i}?\n\n`;
    body += `1. Yes.\n   - next: ${next}\n   - satisfaction: +1\n   - set: flag-${i}\n   - feedback: 好。\n`;
    body += `2. No.\n   - next: ${next}\n   - satisfaction: +2\n   - feedback: 也好。\n\n`;
  }
  return `---
id: many-flags
title: {zh: 很多标记, en: Many flags}
platform: TestMart
rulebook: test
order: {number: "A-1", item: Mug, amount: 20.00, currency: USD, created: 2024-03-01, status: Shipped, dispute reason: Damaged}
customer: {name: Ana}
seller: {name: LI}
start: step-1
satisfaction: 50
---
# Dialogue

${body}# Endings

## done
- result: resolved
- outcome: 完成。

## lost
- result: lost
- outcome: 流失。
`;
}

describe('PATHS_TOO_MANY (generated)', () => {
  it('warns once, at the top of the file, when the state budget runs out', () => {
    const r = tooManyPaths();
    expect(brief(r.diagnostics)).toEqual([{ code: 'PATHS_TOO_MANY', line: 1, column: 1 }]);
    expect(r.diagnostics[0]?.message.en).toContain(String(STATE_BUDGET));
    // A warning: the case is still playable.
    expect(r.value?.id).toBe('many-flags');
  });

  it('the same case with fewer steps is explored completely and checks clean', () => {
    expect(check(manyFlags(12)).diagnostics).toEqual([]);
  });

  it('explore() reports truncation when given a tiny budget', () => {
    const c = parseCase(VALID, { rulebooks }).value!;
    expect(explore(c).truncated).toBe(false);
    const small = explore(c, { budget: 1 });
    expect(small.truncated).toBe(true);
    expect(small.states).toBeGreaterThan(1);
  });
});

describe('the catalogue', () => {
  it('every catalogue code is proven by a fixture or a generated test, and nothing else is', () => {
    const proven = [...new Set([...CODES, ...RULEBOOK_CODES].map((r) => r.code)), ...GENERATED].sort();
    expect(proven).toEqual(Object.keys(CATALOGUE).sort());
  });

  it('every fixture file is in a table, and is named after a catalogue code', () => {
    const caseFiles = readdirSync(join(ROOT, FIXTURES)).filter((f) => f.endsWith('.md')).sort();
    const listed = [...CODES.map((r) => `${r.code}.md`), ...VARIANTS.map((v) => v.file)].sort();
    expect(caseFiles).toEqual(listed);
    const rulebookFiles = readdirSync(join(ROOT, FIXTURES, 'rulebook-mistakes', 'rulebooks')).sort();
    expect(rulebookFiles).toEqual([...RULEBOOK_CODES.map((r) => `${r.code}.md`), ...RULEBOOK_VARIANTS.map((v) => v.file)].sort());
    // The command line finds `rulebook: test` beside the fixtures: keep that copy identical.
    expect(readdirSync(join(ROOT, FIXTURES, 'rulebooks'))).toEqual(['test.md']);
    expect(read(`${FIXTURES}/rulebooks/test.md`)).toBe(read('tests/fixtures/cases/rulebooks/test.md'));
    for (const f of [...caseFiles, ...rulebookFiles]) expect(Object.keys(CATALOGUE)).toContain(f.split('.')[0]);
  });

  it('each variant fixture expects the code it is named after', () => {
    for (const v of VARIANTS) expect(v.expected.map((e) => e.code)).toContain(v.file.split('.')[0]);
  });

  it('every entry has a severity and messages in both languages for empty arguments', () => {
    for (const [code, entry] of Object.entries(CATALOGUE)) {
      expect(['error', 'warning'], code).toContain(entry.severity);
      expect(entry.zh({}).trim(), code).not.toBe('');
      expect(entry.en({}).trim(), code).not.toBe('');
    }
  });

  it('every reported diagnostic has zh and en messages, no unfilled arguments, and the catalogue severity', () => {
    const seen = [
      ...CODES.map((r) => caseFixture(`${r.code}.md`).result),
      ...VARIANTS.map((v) => caseFixture(v.file).result),
      ...RULEBOOK_CODES.map((r) => rulebookFixture(`${r.code}.md`).result),
      tooLarge(),
      paddedTooLarge(),
      tooManyPaths(),
    ].flatMap((r) => r.diagnostics);
    // Every code in the catalogue is among them.
    expect(new Set(seen.map((d) => d.code))).toEqual(new Set(Object.keys(CATALOGUE)));
    for (const d of seen) {
      const where = `${d.code} at ${d.file}:${d.line}:${d.column}`;
      expect(d.severity, where).toBe(CATALOGUE[d.code as DiagnosticCode].severity);
      expect(d.message.zh.trim(), where).not.toBe('');
      expect(d.message.en.trim(), where).not.toBe('');
      expect(d.message.zh, where).toMatch(/\p{Script=Han}/u);
      for (const text of [d.message.zh, d.message.en, d.hint?.zh ?? '', d.hint?.en ?? ''])
        expect(text, where).not.toMatch(/undefined|NaN|\[object Object\]/);
      if (d.hint) {
        expect(d.hint.zh.trim(), where).not.toBe('');
        expect(d.hint.en.trim(), where).not.toBe('');
      }
      expect(d.line, where).toBeGreaterThanOrEqual(1);
      expect(d.column, where).toBeGreaterThanOrEqual(1);
    }
  });

  it('formats a diagnostic as file:line:col: severity CODE message, with the hint below', () => {
    const file = `${FIXTURES}/TARGET_NOT_FOUND.md`;
    const d = nth(check(read(file), file).diagnostics, 0, 'the diagnostic');
    expect(formatDiagnostic(d, 'en')).toBe(
      `${file}:35:12: error TARGET_NOT_FOUND There is no node or ending called \`phot\`.\n    hint: Did you mean \`photo\`?`,
    );
    // Chinese throughout: the severity and the hint's label too.
    expect(formatDiagnostic(d, 'zh')).toMatch(new RegExp(`^${file}:35:12: 错误 TARGET_NOT_FOUND 找不到节点或结局 \`phot\`。\n    提示：`));
  });
});
