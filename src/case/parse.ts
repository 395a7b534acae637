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
import { KeyPositions, readEnding, readNode } from './entries.ts';
import { splitFrontMatter } from './frontmatter.ts';
import { checkGraph } from './graph.ts';
import { numberIds, type CaseIds } from './ids.ts';
import { readMeta } from './meta.ts';
import { checkReferences } from './references.ts';
import { checkTexts } from './texts.ts';
import { ENDING_KEYS, matchKey, nearest, SECTIONS } from './keys.ts';
import { DEFAULT_PENALTIES } from './rulebook.ts';
import type { KeyLines } from './keylines.ts';
import { scanBody, type EntryScan, type SectionScan } from './scan.ts';
import type { Case, CaseNode, Ending, Lang, ParseResult, Rulebook, Text } from './types.ts';

export interface ParseOptions {
  file?: string;
  /** Rulebooks by id; a case cites rules from the one its front matter names. */
  rulebooks?: Record<string, Rulebook>;
  /** Where the rulebooks were looked for, named when the case's rulebook is not among them. */
  rulebooksLooked?: string[];
}

/** Files larger than this are refused before any parsing: a case is a few dozen kB. */
export const MAX_CASE_BYTES = 10_000_000;
export { DEFAULT_PASS, DEFAULT_START_SATISFACTION } from './meta.ts';

const ID = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;


export function parseCase(source: string, options: ParseOptions = {}): ParseResult<Case> {
  return readCase(source, options).parsed;
}

/**
 * `parseCase`, and with a case its nodes and endings as numbered for the checks, for a caller that
 * goes on to walk the case (`checkCase`): a large case has thousands of ids to number only once.
 */
export function readCase(source: string, options: ParseOptions = {}): { parsed: ParseResult<Case>; ids?: CaseIds } {
  const file = options.file ?? 'case.md';
  const report = new Reporter(file, () => countLines(source));
  const bytes = source.length * 3 > MAX_CASE_BYTES ? new TextEncoder().encode(source).length : source.length;
  if (bytes > MAX_CASE_BYTES) {
    report.report('CASE_TOO_LARGE', 1, 1, { size: `${Math.round(bytes / 1000)} kB`, limit: `${MAX_CASE_BYTES / 1000} kB` }, {
      zh: '把案例拆成几个较小的文件。',
      en: 'Split the case into smaller files.',
    });
    return { parsed: { diagnostics: report.diagnostics } };
  }
  if (source.includes('\u0000')) {
    report.report('FRONT_MATTER_MISSING', 1, 1, {}, { zh: '这似乎不是文本文件。', en: 'This does not look like a text file.' });
    return { parsed: { diagnostics: report.diagnostics } };
  }

  if (reportDeepNesting(source, report)) return { parsed: { diagnostics: report.diagnostics } };

  const split = splitFrontMatter(source, report);
  const meta = split.fields ? readMeta(split.fields, report, options.rulebooks, split.broken, options.rulebooksLooked) : undefined;
  const lang = meta?.lang ?? 'zh';

  const { sections, keys } = scanBody(split.text, split.bodyStart, split.bodyLine, (h) => {
    const k = (matchKey(SECTIONS, h) ?? matchKey(SECTIONS, nearest(h, Object.keys(SECTIONS)) ?? ''))?.key;
    return k === 'dialogue' || k === 'endings';
  });
  const found = indexSections(sections, report);

  const nodes: Record<string, CaseNode> = {};
  const nodesRead: CaseNode[] = [];
  const positions = new KeyPositions(keys);
  const endings: Record<string, Ending> = {};
  const endingsRead: Ending[] = [];
  const firstSeen = new Map<string, number>();
  const { nodeEntries, endingEntries, targetsUnknowable } = placeEntries(found, sections, keys, split.bodyLine, report);
  for (const entry of nodeEntries) {
    const id = claim(entry, firstSeen, report);
    if (id) nodesRead.push((nodes[id] = readNode(id, entry, keys, lang, report, positions)));
  }
  for (const entry of endingEntries) {
    const id = claim(entry, firstSeen, report);
    if (id) endingsRead.push((endings[id] = readEnding(id, entry, keys, lang, meta?.order?.total, report)));
  }
  for (const s of [found.dialogue?.[0], found.endings?.[0]])
    if (s?.stray) report.report('TEXT_OUTSIDE_NODE', s.stray.line, s.stray.column, { section: s.heading });

  // Without readable front matter the body is still checked in full, against an empty one (its
  // missing fields are the front-matter error already reported, not one each).
  const checkedMeta = meta ?? readMeta([], new Reporter(file));
  const rulebook = checkedMeta.rulebook;
  const ids = numberIds(nodes, endings, nodesRead, endingsRead, firstSeen);
  const cited = checkReferences(checkedMeta, ids, rulebook, report, positions, targetsUnknowable);
  checkGraph(checkedMeta.start, checkedMeta.startAt, ids, report);
  checkTexts(checkedMeta, nodesRead, lang, report, positions);
  if (!meta) return { parsed: { diagnostics: report.diagnostics } };

  const required = meta.id && meta.title && meta.platform && meta.order && meta.customer && meta.seller && meta.start;
  if (report.hasErrors || !required || !rulebook) return { parsed: { diagnostics: report.diagnostics } };

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
    ...(meta.source ? { source: meta.source } : {}),
    nodes,
    endings,
    rules,
    penalties: rulebook.penalties ?? DEFAULT_PENALTIES,
  };
  return { parsed: { value, diagnostics: report.diagnostics }, ids };
}

// ---------------------------------------------------------------------------------------------
// Sections, nodes, replies, endings

/** The id an entry is kept under, or undefined when an earlier entry has it (reported). */
function claim(entry: EntryScan, firstSeen: Map<string, number>, report: Reporter): string | undefined {
  const id = entry.heading.trim();
  if (!ID.test(id)) {
    const slug = id.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
    report.report('ID_INVALID', entry.line, entry.headingColumn, { id }, slug ? didYouMean(slug) : undefined);
    // Keep it under the id as written, so `next: angry buyer` still finds it: one error, not three.
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
}

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
  return found;
}

/**
 * Which `##` entries are nodes and which are endings. When the `# Endings` heading is missing but
 * the last entries under `# Dialogue` are plainly endings (a result or outcome, no replies), they
 * are read as endings: the missing heading is one mistake, reported once, where it belongs.
 */
function placeEntries(found: FoundSections, sections: SectionScan[], keys: KeyLines, bodyLine: number, report: Reporter) {
  const dialogue = found.dialogue?.[0];
  const nodeEntries = dialogue?.entries ?? [];
  const endingEntries = found.endings?.[0]?.entries ?? [];
  const after = (s: SectionScan | undefined) => sections[sections.indexOf(s!) + 1]?.line ?? sections.at(-1)?.line ?? bodyLine;
  if (!dialogue)
    report.report('SECTION_MISSING', sections[0]?.line ?? bodyLine, 1, { section: '# Dialogue（对话）' }, {
      zh: '在第一个节点前加一行 # Dialogue。',
      en: 'Add a # Dialogue line before the first node.',
    });
  if (found.endings) return { nodeEntries, endingEntries, targetsUnknowable: false };
  const isEnding = (e: EntryScan) => {
    if (e.replies.length) return false;
    for (let k = e.firstKey; k >= 0; k = keys.next[k]) if (['result', 'outcome'].includes(matchKey(ENDING_KEYS, keys.key(k))?.key ?? '')) return true;
    return false;
  };
  const first = nodeEntries.findIndex(isEnding);
  if (first >= 0 && nodeEntries.slice(first).every((e) => !e.replies.length)) {
    report.report('SECTION_MISSING', nodeEntries[first].line, 1, { section: '# Endings（结局）' }, {
      zh: `在第 ${nodeEntries[first].line} 行上方加一行 # Endings。`,
      en: `Add a # Endings line above line ${nodeEntries[first].line}.`,
    });
    return { nodeEntries: nodeEntries.slice(0, first), endingEntries: nodeEntries.slice(first), targetsUnknowable: false };
  }
  report.report('SECTION_MISSING', dialogue ? after(dialogue) : (sections.at(-1)?.line ?? bodyLine), 1, { section: '# Endings（结局）' }, {
    zh: '在对话之后加上 # Endings，每个结局一个 ## 结局编号。',
    en: 'Add # Endings after the dialogue, with one ## ending-id per ending.',
  });
  // Without the endings, targets that name them cannot be checked: that is the same mistake.
  return { nodeEntries, endingEntries, targetsUnknowable: true };
}

function proseText(sections: SectionScan[], lang: Lang): Text {
  const t: Text = {};
  for (const s of sections) t[(s as SectionScan & { lang?: Lang }).lang ?? lang] = s.body;
  return t;
}

/** Deeper than any prose needs; the Markdown renderer runs out of stack some way beyond it. */
export const MAX_NESTING = 20;

/**
 * Quotes, lists and indentation nested past MAX_NESTING at the start of a line: such a case would
 * pass every other check and then fail to render, so it is refused here with the line.
 */
function reportDeepNesting(source: string, report: Reporter): boolean {
  const marker = /^[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;
  let found = false;
  let line = 0;
  for (const text of source.split(/\r\n|\r|\n/)) {
    line++;
    const indent = /^[ \t]*/.exec(text)![0].replace(/\t/g, '    ').length;
    let depth = Math.floor(indent / 2);
    let rest = text;
    for (let m = marker.exec(rest); m && depth <= MAX_NESTING; m = marker.exec(rest)) {
      depth++;
      rest = rest.slice(m[0].length);
    }
    if (depth > MAX_NESTING) {
      report.report('NESTING_TOO_DEEP', line, 1, { limit: MAX_NESTING }, {
        zh: '少用几层引用、列表或缩进；需要区分层次时，改用小标题或分段。',
        en: 'Use fewer levels of quotes, lists or indentation; to show levels, use separate paragraphs instead.',
      });
      found = true;
    }
  }
  return found;
}

function countLines(source: string): number {
  let n = 1;
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) n++;
  return n;
}
