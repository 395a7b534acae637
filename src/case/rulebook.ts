/**
 * Reads a platform rulebook (`scenarios/rulebooks/<id>.md`): front matter, then `# Rules` with one
 * `## RULE-ID` per rule and its severity, kind (platform rule or course standard), text in Chinese and
 * English, source and "as of" date.
 *
 * Like the case reader it never throws: it returns the rulebook (when usable) and diagnostics.
 */
import { Reporter } from './diagnostics.ts';
import { indexFields, indexKeys, keyOf, readText, rawOf, valueOf } from './fields.ts';
import { splitFrontMatter } from './frontmatter.ts';
import { matchKey, nearest, RULE_KEYS, RULEBOOK_FRONT_MATTER_KEYS, RULEBOOK_SECTIONS } from './keys.ts';
import { scanBody } from './scan.ts';
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
  const report = new Reporter(file, source.split(/\r\n|\r|\n/).length);
  const split = splitFrontMatter(source, report);
  const meta = split.fields ? indexFields(split.fields, RULEBOOK_FRONT_MATTER_KEYS, WHERE, report) : {};
  const id = meta.id ? rawOf(meta.id) : undefined;
  if (split.fields && !id) report.report('FIELD_MISSING', 1, 1, { field: 'id' });
  const penalties = { ...DEFAULT_PENALTIES };
  for (const f of meta.penalties?.fields ?? []) {
    const sev = SEVERITIES[f.key.trim().toLowerCase()];
    const n = readWhole(rawOf(f));
    if (!sev) report.report('VALUE_INVALID', f.keyAt.line, f.keyAt.column, { key: 'penalties', value: f.key, allowed: 'critical, major, minor' });
    else if (!n.ok || n.value < 0 || n.value > 100)
      report.report('FIELD_INVALID', f.line, f.column, { field: `penalties.${sev}`, value: rawOf(f), zh: '应为 0–100 的整数。', en: 'expected a whole number 0–100.' });
    else penalties[sev] = n.value;
  }

  const { sections, keys } = scanBody(split.text, split.bodyStart, split.bodyLine, (h) => matchKey(RULEBOOK_SECTIONS, h)?.key === 'rules');
  const rules: Record<string, Rule> = {};
  const firstLine = new Map<string, number>();
  for (const section of sections) {
    if (!matchKey(RULEBOOK_SECTIONS, section.heading)) {
      report.report('UNKNOWN_SECTION', section.line, section.headingColumn, { name: section.heading }, { zh: '规则库只有一个一级标题：# Rules（规则）。', en: 'A rulebook has one top-level section: # Rules.' });
      continue;
    }
    for (const entry of section.entries) {
      const ruleId = entry.heading.trim();
      if (!RULE_ID.test(ruleId)) {
        report.report('ID_INVALID', entry.line, entry.headingColumn, { id: ruleId });
        continue;
      }
      const prior = firstLine.get(ruleId);
      if (prior) {
        report.report('DUPLICATE_ID', entry.line, entry.headingColumn, { id: ruleId, first: prior });
        continue;
      }
      firstLine.set(ruleId, entry.line);
      indexKeys(keys, entry, RULE_KEYS, { zh: `规则 ${ruleId}`, en: `rule ${ruleId}` }, report);
      const missing = (['severity', 'zh', 'en', 'source', 'as of'] as const).filter((k) => !valueOf(keys, entry, k));
      for (const k of missing) report.report('FIELD_MISSING', entry.line, entry.headingColumn, { field: `${ruleId}: ${k}` });
      const choose = <T,>(key: 'severity' | 'kind', table: Record<string, T>, allowed: string) => {
        const at = keyOf(keys, entry, key);
        const raw = at >= 0 ? keys.value(at) : undefined;
        return { raw, value: raw ? readChoice(raw, table, key, allowed, keys.line[at], keys.valueColumn[at], report) : undefined };
      };
      const severity = choose('severity', SEVERITIES, 'critical, major, minor').value;
      const kind = choose('kind', KINDS, 'platform, course');
      const asOfEntry = keyOf(keys, entry, 'as of');
      const asOfValue = asOfEntry >= 0 ? keys.value(asOfEntry) : undefined;
      const asOf = asOfValue ? readAsOf(asOfValue) : undefined;
      if (asOfValue && !asOf)
        report.report('FIELD_INVALID', keys.line[asOfEntry], keys.valueColumn[asOfEntry], { field: 'as of', value: asOfValue, zh: '写成 2020-08-25 或 2020-08。', en: 'write 2020-08-25 or 2020-08.' });
      if (missing.length || !severity || !asOf || (kind.raw && !kind.value)) continue;
      rules[ruleId] = {
        id: ruleId,
        severity,
        ...(kind.value && { kind: kind.value }),
        text: { zh: valueOf(keys, entry, 'zh')!, en: valueOf(keys, entry, 'en')! },
        source: valueOf(keys, entry, 'source')!,
        asOf,
      };
    }
  }
  if (!sections.length && split.fields)
    report.report('SECTION_MISSING', split.bodyLine, 1, { section: '# Rules' });

  const title = meta.title ? readText(meta.title, 'zh', report, WHERE) : undefined;
  const value: Rulebook | undefined =
    id && !report.hasErrors
      ? { id, platform: meta.platform ? rawOf(meta.platform) : id, title: title ?? { en: id }, penalties, rules }
      : undefined;
  return { value, diagnostics: report.diagnostics };
}

/** A value from a closed list (severity, kind), in English or Chinese; anything else is reported with the nearest spelling. */
function readChoice<T>(raw: string, table: Record<string, T>, key: string, allowed: string, line: number, column: number, report: Reporter): T | undefined {
  const value = table[raw.trim().toLowerCase()];
  if (value === undefined) {
    const guess = nearest(raw, Object.keys(table));
    report.report('VALUE_INVALID', line, column, { key, value: raw, allowed },
      guess ? { zh: `是不是想写 \`${guess}\`？`, en: `Did you mean \`${guess}\`?` } : undefined);
  }
  return value;
}

/** An "as of" date: a full ISO date or a year and month. */
function readAsOf(raw: string): string | undefined {
  const s = raw.trim();
  if (/^\d{4}-\d{2}$/.test(s)) return s;
  const d = readDate(s);
  return d.ok ? d.value : undefined;
}
