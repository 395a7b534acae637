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
import { readEnding, readNode, type NodeRead } from './entries.ts';
import { linesOf, splitFrontMatter, withoutByteOrderMark } from './frontmatter.ts';
import { checkGraph } from './graph.ts';
import { numberIds } from './ids.ts';
import { ENDING_KEYS, matchKey, nearest, SECTIONS } from './keys.ts';
import { readMeta, type Meta } from './meta.ts';
import { checkReferences } from './references.ts';
import { DEFAULT_PENALTIES } from './rulebook.ts';
import { indentOf, scanBody } from './scan.ts';
import type { EntrySyntax, SectionSyntax } from './syntax.ts';
import { checkTexts } from './texts.ts';
import type { Case, CaseNode, Ending, Lang, Money, ParseResult, Rulebook, Text } from './types.ts';

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
const NOT_IN_ID = /[^\p{L}\p{N}]+/gu;

/** Reads, checks and builds a case; never throws: every problem is a diagnostic, and a case with an error has no value. */
export function parseCase(source: string, options: ParseOptions = {}): ParseResult<Case> {
  const file = options.file ?? 'case.md';
  const report = new Reporter(file, () => source.split('\n').length);
  if (refuse(source, report)) return { diagnostics: report.diagnostics };
  const written = linesOf(source);
  if (reportDeepNesting(written, report)) return { diagnostics: report.diagnostics };
  const text = withoutByteOrderMark(source);
  const lines = text === source ? written : linesOf(text);

  const split = splitFrontMatter(lines, report);
  const meta = split.fields ? readMeta(split.fields, report, options.rulebooks, split.broken, options.rulebooksLooked) : undefined;
  const lang = meta?.lang ?? 'zh';
  const sections = scanBody(lines, split.bodyLine, isStructured);
  const found = indexSections(sections, report);
  const placed = placeEntries(found, sections, split.bodyLine, report);
  const body = readBody(placed, lang, meta?.order?.total, report);
  for (const s of [found.dialogue?.[0], found.endings?.[0]])
    if (s?.section.stray) report.report('TEXT_OUTSIDE_NODE', s.section.stray.line, s.section.stray.column, { section: s.section.heading });

  // Without readable front matter the body is still checked in full, against an empty one (its
  // missing fields are the front-matter error already reported, not one each).
  const checkedMeta = meta ?? readMeta([], new Reporter(file));
  const ids = numberIds(body.recorded.map((r) => r.node), Object.values(body.endings));
  const cited = checkReferences(checkedMeta, ids, body.recorded, checkedMeta.rulebook, report, placed.targetsUnknowable);
  checkGraph(checkedMeta.start, checkedMeta.startAt, ids, report);
  checkTexts(checkedMeta, body.read, lang, report);
  const value = meta && buildCase(meta, found, body, cited, report);
  return value ? { value, diagnostics: report.diagnostics } : { diagnostics: report.diagnostics };
}

/** A file too large, or not text, is refused before it is read. */
function refuse(source: string, report: Reporter): boolean {
  const bytes = source.length * 3 > MAX_CASE_BYTES ? new TextEncoder().encode(source).length : source.length;
  if (bytes > MAX_CASE_BYTES) {
    report.report('CASE_TOO_LARGE', 1, 1, { size: `${Math.round(bytes / 1000)} kB`, limit: `${MAX_CASE_BYTES / 1000} kB` }, {
      zh: '把案例拆成几个较小的文件。',
      en: 'Split the case into smaller files.',
    });
    return true;
  }
  if (source.includes('\u0000')) {
    report.report('FRONT_MATTER_MISSING', 1, 1, {}, { zh: '这似乎不是文本文件。', en: 'This does not look like a text file.' });
    return true;
  }
  return false;
}

/** The value, when the case has no error and everything it needs. */
function buildCase(meta: Meta, found: FoundSections, body: Body, cited: Set<string>, report: Reporter): Case | undefined {
  const { id, title, platform, order, customer, seller, start, rulebook, lang } = meta;
  if (report.hasErrors || !id || !title || !platform || !order || !customer || !seller || !start || !rulebook) return undefined;
  const rules = Object.fromEntries([...cited].flatMap((rule) => (rulebook.rules[rule] ? [[rule, rulebook.rules[rule]]] : [])));
  return {
    id,
    version: meta.version,
    title,
    platform,
    rulebook: rulebook.id,
    lang,
    ...(meta.disputeType ? { disputeType: meta.disputeType } : {}),
    ...(meta.difficulty !== undefined ? { difficulty: meta.difficulty } : {}),
    ...(meta.minutes !== undefined ? { minutes: meta.minutes } : {}),
    order,
    customer,
    seller,
    start,
    startSatisfaction: meta.startSatisfaction,
    pass: meta.pass,
    objectives: meta.objectives.map((o) => o.id),
    phrases: meta.phrases.map((p) => p.phrase),
    ...(found.briefing ? { briefing: proseText(found.briefing, lang) } : {}),
    ...(found.analysis ? { analysis: proseText(found.analysis, lang) } : {}),
    ...(meta.source ? { source: meta.source } : {}),
    nodes: body.nodes,
    endings: body.endings,
    rules,
    penalties: rulebook.penalties ?? DEFAULT_PENALTIES,
  };
}

// ---------------------------------------------------------------------------------------------
// Sections, nodes, endings

/** Dialogue and endings hold `##` entries; a near miss (`# Dialog`) is read as the one it was meant to be. */
function isStructured(heading: string): boolean {
  const key = (matchKey(SECTIONS, heading) ?? matchKey(SECTIONS, nearest(heading, Object.keys(SECTIONS)) ?? ''))?.key;
  return key === 'dialogue' || key === 'endings';
}

/** A section as found, with the language its heading names (`# Briefing en`). */
interface Found {
  section: SectionSyntax;
  lang?: Lang;
}

type FoundSections = Partial<Record<keyof typeof SECTIONS, Found[]>>;

function indexSections(sections: SectionSyntax[], report: Reporter): FoundSections {
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
    (found[m.key] ??= []).push({ section: s, lang: m.lang });
  }
  return found;
}

interface Placed {
  nodeEntries: EntrySyntax[];
  endingEntries: EntrySyntax[];
  /** The endings section is missing: targets naming endings cannot be checked (the same mistake). */
  targetsUnknowable: boolean;
}

/**
 * Which `##` entries are nodes and which are endings. When the `# Endings` heading is missing but
 * the last entries under `# Dialogue` are plainly endings (a result or outcome, no replies), they
 * are read as endings: the missing heading is one mistake, reported once, where it belongs.
 */
function placeEntries(found: FoundSections, sections: SectionSyntax[], bodyLine: number, report: Reporter): Placed {
  const dialogue = found.dialogue?.[0]?.section;
  const nodeEntries = dialogue?.entries ?? [];
  const endingEntries = found.endings?.[0]?.section.entries ?? [];
  if (!dialogue)
    report.report('SECTION_MISSING', sections[0]?.line ?? bodyLine, 1, { section: '# Dialogue（对话）' }, {
      zh: '在第一个节点前加一行 # Dialogue。',
      en: 'Add a # Dialogue line before the first node.',
    });
  if (found.endings) return { nodeEntries, endingEntries, targetsUnknowable: false };
  const first = nodeEntries.findIndex(isEnding);
  const firstEnding = nodeEntries[first];
  if (firstEnding && nodeEntries.slice(first).every((e) => !e.replies.length)) {
    report.report('SECTION_MISSING', firstEnding.line, 1, { section: '# Endings（结局）' }, {
      zh: `在第 ${firstEnding.line} 行上方加一行 # Endings。`,
      en: `Add a # Endings line above line ${firstEnding.line}.`,
    });
    return { nodeEntries: nodeEntries.slice(0, first), endingEntries: nodeEntries.slice(first), targetsUnknowable: false };
  }
  const lastLine = sections.at(-1)?.line ?? bodyLine;
  const afterDialogue = dialogue && (sections[sections.indexOf(dialogue) + 1]?.line ?? lastLine);
  report.report('SECTION_MISSING', afterDialogue ?? lastLine, 1, { section: '# Endings（结局）' }, {
    zh: '在对话之后加上 # Endings，每个结局一个 ## 结局编号。',
    en: 'Add # Endings after the dialogue, with one ## ending-id per ending.',
  });
  return { nodeEntries, endingEntries, targetsUnknowable: true };
}

/** An entry with no replies and a result or outcome line. */
function isEnding(entry: EntrySyntax): boolean {
  return !entry.replies.length && entry.keys.some((k) => ['result', 'outcome'].includes(matchKey(ENDING_KEYS, k.key)?.key ?? ''));
}

interface Body {
  /** Nodes in the order they were read. */
  read: NodeRead[];
  /** The same in the order the records list them (JavaScript lists integer-like keys first): the order of every check. */
  recorded: NodeRead[];
  nodes: Record<string, CaseNode>;
  endings: Record<string, Ending>;
}

function readBody(placed: Placed, lang: Lang, order: Money | undefined, report: Reporter): Body {
  const firstSeen = new Map<string, number>();
  const read: NodeRead[] = [];
  const nodes: Record<string, CaseNode> = {};
  const endings: Record<string, Ending> = {};
  for (const entry of placed.nodeEntries) {
    // An entry without an id is reported (ID_INVALID) and not read.
    const id = claim(entry, firstSeen, report);
    if (!id) continue;
    const node = readNode(id, entry, lang, report);
    read.push(node);
    nodes[id] = node.node;
  }
  for (const entry of placed.endingEntries) {
    const id = claim(entry, firstSeen, report);
    if (id) endings[id] = readEnding(id, entry, lang, order, report);
  }
  const byId = new Map(read.map((r) => [r.node.id, r]));
  const recorded = Object.keys(nodes).flatMap((id) => byId.get(id) ?? []);
  return { read, recorded, nodes, endings };
}

/** The id an entry is kept under, or undefined when an earlier entry has it (reported). */
function claim(entry: EntrySyntax, firstSeen: Map<string, number>, report: Reporter): string | undefined {
  const id = entry.heading.trim();
  if (!ID.test(id)) {
    const slug = id.toLowerCase().replace(NOT_IN_ID, '-').replace(/^-|-$/g, '');
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

function proseText(sections: Found[], lang: Lang): Text {
  const t: Text = {};
  for (const s of sections) t[s.lang ?? lang] = s.section.body;
  return t;
}

/** Deeper than any prose needs; the Markdown renderer runs out of stack some way beyond it. */
export const MAX_NESTING = 20;

/** One level of nesting: blanks, then a quote marker, bullet or list number. Sticky: each is read where the last ended. */
const NESTING_MARKER = /[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/y;

/**
 * Quotes, lists and indentation nested past MAX_NESTING at the start of a line: such a case would
 * pass every other check and then fail to render, so it is refused here with the line.
 */
function reportDeepNesting(lines: readonly string[], report: Reporter): boolean {
  let found = false;
  lines.forEach((text, i) => {
    if (nestingOf(text) <= MAX_NESTING) return;
    report.report('NESTING_TOO_DEEP', i + 1, 1, { limit: MAX_NESTING }, {
      zh: '少用几层引用、列表或缩进；需要区分层次时，改用小标题或分段。',
      en: 'Use fewer levels of quotes, lists or indentation; to show levels, use separate paragraphs instead.',
    });
    found = true;
  });
  return found;
}

/** Levels of nesting at the start of a line (two columns of indentation count as one), up to one past the limit. */
function nestingOf(text: string): number {
  let depth = Math.floor(indentOf(text) / 2);
  NESTING_MARKER.lastIndex = 0;
  while (depth <= MAX_NESTING && NESTING_MARKER.test(text)) depth++;
  return depth;
}
