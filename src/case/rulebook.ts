/**
 * Reads a platform rulebook (`scenarios/rulebooks/<id>.md`): front matter, then `# Rules` with one
 * `## RULE-ID` per rule and its severity, kind (platform rule or course standard), text in Chinese and
 * English, source, "as of" date (or `undated`) and the date the sources were consulted.
 *
 * Like the case reader it never throws: it returns the rulebook (when usable) and diagnostics.
 */
import { didYouMean, Reporter } from './diagnostics.ts';
import { indexFields, keyOf, readKeys, readText, rawOf, valueOf } from './fields.ts';
import { linesOf, splitFrontMatter, withoutByteOrderMark, type Field } from './frontmatter.ts';
import { matchKey, nearest, RULE_KEYS, RULEBOOK_FRONT_MATTER_KEYS, RULEBOOK_SECTIONS } from './keys.ts';
import { scanBody } from './scan.ts';
import type { EntrySyntax, KeyLine } from './syntax.ts';
import type { ParseResult, Rule, Rulebook, RuleKind, RuleSeverity } from './types.ts';
import { readDate, readWhole } from './values.ts';

export const DEFAULT_PENALTIES: Record<RuleSeverity, number> = { critical: 50, major: 20, minor: 10 };

const SEVERITIES: Record<string, RuleSeverity> = {
  critical: 'critical',
  严重: 'critical',
  major: 'major',
  重要: 'major',
  minor: 'minor',
  轻微: 'minor',
};

const KINDS: Record<string, RuleKind> = {
  platform: 'platform',
  平台: 'platform',
  平台规则: 'platform',
  'platform rule': 'platform',
  course: 'course',
  'course standard': 'course',
  课程: 'course',
  课程标准: 'course',
};

const WHERE = { zh: '规则库的元数据', en: 'the rulebook front matter' };
const RULE_ID = /^[A-Za-z][A-Za-z0-9-]*$/;

export function parseRulebook(source: string, file = 'rulebook.md'): ParseResult<Rulebook> {
  const lines = linesOf(withoutByteOrderMark(source));
  const report = new Reporter(file, lines.length);
  const split = splitFrontMatter(lines, report);
  const meta = split.fields ? indexFields(split.fields, RULEBOOK_FRONT_MATTER_KEYS, WHERE, report) : {};
  const id = meta.id ? rawOf(meta.id) : undefined;
  if (split.fields && !id) report.report('FIELD_MISSING', 1, 1, { field: 'id' });
  const penalties = readPenalties(meta.penalties?.fields ?? [], report);
  const sections = scanBody(lines, split.bodyLine, (h) => matchKey(RULEBOOK_SECTIONS, h)?.key === 'rules');
  const rules: Record<string, Rule> = {};
  const firstLine = new Map<string, number>();
  for (const section of sections) {
    if (!matchKey(RULEBOOK_SECTIONS, section.heading)) {
      report.report('UNKNOWN_SECTION', section.line, section.headingColumn, { name: section.heading }, { zh: '规则库只有一个一级标题：# Rules（规则）。', en: 'A rulebook has one top-level section: # Rules.' });
      continue;
    }
    for (const entry of section.entries) {
      const ruleId = claimRuleId(entry, firstLine, report);
      const rule = ruleId && readRule(ruleId, entry, report);
      if (ruleId && rule) rules[ruleId] = rule;
    }
  }
  if (!sections.length && split.fields) report.report('SECTION_MISSING', split.bodyLine, 1, { section: '# Rules' });

  const title = meta.title ? readText(meta.title, 'zh', report, WHERE) : undefined;
  const value: Rulebook | undefined =
    id && !report.hasErrors
      ? { id, platform: meta.platform ? rawOf(meta.platform) : id, title: title ?? { en: id }, penalties, rules }
      : undefined;
  return { value, diagnostics: report.diagnostics };
}

/** Compliance points lost per violation, by severity: the defaults unless the front matter says. */
function readPenalties(fields: Field[], report: Reporter): Record<RuleSeverity, number> {
  const penalties = { ...DEFAULT_PENALTIES };
  for (const f of fields) {
    const severity = SEVERITIES[f.key.trim().toLowerCase()];
    const n = readWhole(rawOf(f));
    if (!severity) report.report('VALUE_INVALID', f.keyAt.line, f.keyAt.column, { key: 'penalties', value: f.key, allowed: 'critical, major, minor' });
    else if (!n.ok || n.value < 0 || n.value > 100)
      report.report('FIELD_INVALID', f.line, f.column, { field: `penalties.${severity}`, value: rawOf(f), zh: '应为 0–100 的整数。', en: 'expected a whole number 0–100.' });
    else penalties[severity] = n.value;
  }
  return penalties;
}

/** The rule's id, or undefined when it is not valid or an earlier rule has it (reported). */
function claimRuleId(entry: EntrySyntax, firstLine: Map<string, number>, report: Reporter): string | undefined {
  const ruleId = entry.heading.trim();
  if (!RULE_ID.test(ruleId)) {
    report.report('ID_INVALID', entry.line, entry.headingColumn, { id: ruleId });
    return undefined;
  }
  const prior = firstLine.get(ruleId);
  if (prior) {
    report.report('DUPLICATE_ID', entry.line, entry.headingColumn, { id: ruleId, first: prior });
    return undefined;
  }
  firstLine.set(ruleId, entry.line);
  return ruleId;
}

const REQUIRED = ['severity', 'zh', 'en', 'source', 'as of'] as const;

/** One `## RULE-ID` entry; undefined when something it needs is missing or wrong (reported). */
function readRule(ruleId: string, entry: EntrySyntax, report: Reporter): Rule | undefined {
  const { keys } = entry;
  readKeys(keys, RULE_KEYS, { zh: `规则 ${ruleId}`, en: `rule ${ruleId}` }, report);
  const missing = REQUIRED.filter((k) => !valueOf(keys, k));
  for (const k of missing) report.report('FIELD_MISSING', entry.line, entry.headingColumn, { field: `${ruleId}: ${k}` });
  const severity = readChoice(keys, 'severity', SEVERITIES, 'critical, major, minor', report);
  const kind = readChoice(keys, 'kind', KINDS, 'platform, course', report);
  const asOfKey = keyOf(keys, 'as of');
  const asOf = readAsOfKey(asOfKey, report);
  const consultedKey = keyOf(keys, 'consulted');
  const consulted = readConsulted(consultedKey, report);
  // An undated source's only date is the day it was read: without it the rule could not say how current it is.
  if (asOf === UNDATED && asOfKey && !consultedKey?.value)
    report.report('CONSULTED_MISSING', asOfKey.line, asOfKey.valueColumn, { id: ruleId, value: asOfKey.value.trim() }, {
      zh: '在下面加一行 `- consulted: 2026-12-05`，写你查阅来源的日期。',
      en: 'Add a line `- consulted: 2026-12-05` below it, with the date you read the sources.',
    });
  const [zh, en, source] = [valueOf(keys, 'zh'), valueOf(keys, 'en'), valueOf(keys, 'source')];
  if (missing.length || !severity || !asOf || (valueOf(keys, 'kind') && !kind) || !zh || !en || !source) return undefined;
  if (asOf === UNDATED && !consulted) return undefined;
  return {
    id: ruleId,
    severity,
    ...(kind && { kind }),
    text: { zh, en },
    source,
    ...(asOf !== UNDATED && { asOf }),
    ...(consulted && { consulted }),
  };
}

/** A value from a closed list (severity, kind), in English or Chinese; anything else is reported with the nearest spelling. */
function readChoice<T>(keys: readonly KeyLine[], name: string, table: Record<string, T>, allowed: string, report: Reporter): T | undefined {
  const key = keyOf(keys, name);
  if (!key?.value) return undefined;
  const value = table[key.value.trim().toLowerCase()];
  if (value === undefined) {
    const guess = nearest(key.value, Object.keys(table));
    report.report('VALUE_INVALID', key.line, key.valueColumn, { key: name, value: key.value, allowed }, guess ? didYouMean(guess) : undefined);
  }
  return value;
}

/** What `as of` says when the source gives no date of its own. */
const UNDATED = Symbol('undated');
const UNDATED_SPELLINGS = new Set(['undated', '未注明', '未注明日期']);

/** An "as of" date: a full ISO date, a year and month, or `undated`. */
function readAsOfKey(key: KeyLine | undefined, report: Reporter): string | typeof UNDATED | undefined {
  if (!key?.value) return undefined;
  if (UNDATED_SPELLINGS.has(key.value.trim().toLowerCase())) return UNDATED;
  const asOf = readAsOf(key.value);
  if (!asOf)
    report.report('FIELD_INVALID', key.line, key.valueColumn, {
      field: 'as of',
      value: key.value,
      zh: '写成 2020-08-25 或 2020-08；来源没有日期就写 undated（未注明），并用 consulted 写查阅日期。',
      en: 'write 2020-08-25 or 2020-08; for a source with no date, write undated and give the date you read it as consulted.',
    });
  return asOf;
}

/** The date the sources were read: a full ISO date (the day is known, unlike a source's own date). */
function readConsulted(key: KeyLine | undefined, report: Reporter): string | undefined {
  if (!key?.value) return undefined;
  const d = readDate(key.value.trim());
  if (!d.ok) report.report('FIELD_INVALID', key.line, key.valueColumn, { field: 'consulted', value: key.value, zh: d.zh, en: d.en });
  return d.ok ? d.value : undefined;
}

const YEAR_MONTH = /^\d{4}-\d{2}$/;

function readAsOf(raw: string): string | undefined {
  const s = raw.trim();
  if (YEAR_MONTH.test(s)) return s;
  const d = readDate(s);
  return d.ok ? d.value : undefined;
}
