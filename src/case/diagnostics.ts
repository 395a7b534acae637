/**
 * The catalogue of diagnostics: every code the checker can report, its severity, and its message
 * in Chinese and English.
 *
 * Codes are stable: the authoring guide documents each one with a bad example and its fix, and
 * tests pin each to a fixture. Messages are written for teachers, not programmers.
 */
import type { Diagnostic, DiagnosticSeverity } from './types.ts';

type Args = Record<string, string | number | undefined>;
type Message = (a: Args) => string;

interface Entry {
  severity: DiagnosticSeverity;
  zh: Message;
  en: Message;
}

const q = (s: unknown) => `“${s}”`;
const e = (s: unknown) => `\`${s}\``;

export const CATALOGUE = {
  FRONT_MATTER_MISSING: {
    severity: 'error',
    zh: () => '文件开头缺少前置元数据（用 --- 包围的 YAML 块）。',
    en: () => 'The file does not start with front matter (a YAML block between --- lines).',
  },
  FRONT_MATTER_UNCLOSED: {
    severity: 'error',
    zh: () => '前置元数据没有结束行 ---。',
    en: () => 'The front matter has no closing --- line.',
  },
  FRONT_MATTER_INVALID: {
    severity: 'error',
    zh: (a) => `前置元数据的 YAML 有误：${a.detailZh ?? a.detail}。`,
    en: (a) => `The front matter is not valid YAML: ${a.detail}.`,
  },
  FIELD_MISSING: {
    severity: 'error',
    zh: (a) => `缺少必填项 ${e(a.field)}。`,
    en: (a) => `The required field ${e(a.field)} is missing.`,
  },
  FIELD_INVALID: {
    severity: 'error',
    zh: (a) => `${e(a.field)} 的值 ${q(a.value)} 不合要求：${a.zh}`,
    en: (a) => `${e(a.field)} has the value ${q(a.value)}, which is not allowed: ${a.en}`,
  },
  CONSULTED_MISSING: {
    severity: 'error',
    zh: (a) => `规则 ${e(a.id)} 的来源未注明日期（as of: ${a.value ?? 'undated'}），但没有写查阅日期 \`consulted\`。`,
    en: (a) => `The source of rule ${e(a.id)} is undated (as of: ${a.value ?? 'undated'}), but the rule has no \`consulted\` date.`,
  },
  UNKNOWN_KEY: {
    severity: 'error',
    zh: (a) => `不认识的键 ${e(a.key)}${a.where ? `（在${a.where}中）` : ''}。`,
    en: (a) => `Unknown key ${e(a.key)}${a.whereEn ? ` in ${a.whereEn}` : ''}.`,
  },
  UNKNOWN_SECTION: {
    severity: 'error',
    zh: (a) => `不认识的一级标题 ${q(a.name)}。`,
    en: (a) => `Unknown top-level section ${q(a.name)}.`,
  },
  SECTION_MISSING: {
    severity: 'error',
    zh: (a) => `缺少 ${e(a.section)} 部分。`,
    en: (a) => `The ${e(a.section)} section is missing.`,
  },
  DUPLICATE_SECTION: {
    severity: 'error',
    zh: (a) => `${e(a.section)} 部分出现了两次（上一次在第 ${a.first} 行）。`,
    en: (a) => `The ${e(a.section)} section appears twice (first on line ${a.first}).`,
  },
  ID_INVALID: {
    severity: 'error',
    zh: (a) => `编号 ${q(a.id)} 不合格式：只能用字母、数字和连字符，不能有空格。`,
    en: (a) => `The id ${q(a.id)} is not valid: use letters, digits and hyphens, no spaces.`,
  },
  DUPLICATE_ID: {
    severity: 'error',
    zh: (a) => `编号 ${e(a.id)} 重复了（第一次在第 ${a.first} 行）。`,
    en: (a) => `The id ${e(a.id)} is used twice (first on line ${a.first}).`,
  },
  TEXT_OUTSIDE_NODE: {
    severity: 'warning',
    zh: (a) => `这段内容不在任何 ## 节点下，会被忽略（${a.section}）。`,
    en: (a) => `This text is not under any ## heading and is ignored (${a.section}).`,
  },
  DUPLICATE_KEY: {
    severity: 'error',
    zh: (a) => `${e(a.key)} 写了两次（第一次在第 ${a.first} 行）。`,
    en: (a) => `${e(a.key)} is given twice (first on line ${a.first}).`,
  },
  KEY_VALUE_EXPECTED: {
    severity: 'error',
    zh: () => '这里应写成“键: 值”，例如 next: explain。',
    en: () => 'Expected “key: value” here, for example next: explain.',
  },
  REPLY_KEYS_NOT_INDENTED: {
    severity: 'warning',
    zh: () => '回复下面的键列表没有缩进；已归入上一条回复。',
    en: () => 'The key list under a reply is not indented; it was attached to the reply above.',
  },
  REPLY_TEXT_MISSING: {
    severity: 'error',
    zh: () => '这条回复没有内容（卖家要说的话）。',
    en: () => 'This reply has no text (what the seller says).',
  },
  NEXT_MISSING: {
    severity: 'error',
    zh: () => '这条回复缺少 next（下一步去哪个节点或结局）。',
    en: () => 'This reply has no next (the node or ending it leads to).',
  },
  TARGET_NOT_FOUND: {
    severity: 'error',
    zh: (a) => `找不到节点或结局 ${e(a.id)}。`,
    en: (a) => `There is no node or ending called ${e(a.id)}.`,
  },
  START_NOT_FOUND: {
    severity: 'error',
    zh: (a) => `起点 ${e(a.id)} 不是对话中的节点。`,
    en: (a) => `The start ${e(a.id)} is not a node in the dialogue.`,
  },
  DEAD_END: {
    severity: 'error',
    zh: (a) => `节点 ${e(a.id)} 既不是结局，也没有任何回复可以继续。`,
    en: (a) => `Node ${e(a.id)} is not an ending and offers no reply to go on.`,
  },
  MESSAGE_MISSING: {
    severity: 'warning',
    zh: (a) => `节点 ${e(a.id)} 既没有买家消息（> 引用），也没有旁白。`,
    en: (a) => `Node ${e(a.id)} has neither a customer message (> quote) nor a note.`,
  },
  UNREACHABLE: {
    severity: 'warning',
    zh: (a) => `从起点无法到达 ${e(a.id)}。`,
    en: (a) => `${e(a.id)} cannot be reached from the start.`,
  },
  NO_WAY_TO_END: {
    severity: 'error',
    zh: (a) => `从 ${e(a.id)} 出发只能在几个节点间打转，永远到不了结局。`,
    en: (a) => `From ${e(a.id)} the conversation can only go round in circles and never reach an ending.`,
  },
  STUCK: {
    severity: 'error',
    zh: (a) => `在节点 ${e(a.id)}，当${a.state}时没有任何回复可选。`,
    en: (a) => `At node ${e(a.id)} no reply is offered when ${a.stateEn}.`,
  },
  RULEBOOK_NOT_FOUND: {
    severity: 'error',
    zh: (a) => `找不到规则库 ${e(a.id)}（找过：${a.looked}）。`,
    en: (a) => `No rulebook ${e(a.id)} (looked in: ${a.looked}).`,
  },
  RULE_NOT_FOUND: {
    severity: 'error',
    zh: (a) => `规则库 ${e(a.rulebook)} 中没有规则 ${e(a.id)}。`,
    en: (a) => `The rulebook ${e(a.rulebook)} has no rule ${e(a.id)}.`,
  },
  RULE_NEVER_CITED: {
    severity: 'warning',
    zh: (a) => `rules 中列出了 ${e(a.id)}，但没有任何回复遵守或违反它。`,
    en: (a) => `${e(a.id)} is listed in rules but no reply follows or breaks it.`,
  },
  FEEDBACK_MISSING: {
    severity: 'warning',
    zh: () => '这条回复没有 feedback（点评），学生选了它却不知道为什么好或不好。',
    en: () => 'This reply has no feedback: a student who picks it will not learn why it is good or bad.',
  },
  SATISFACTION_OUT_OF_RANGE: {
    severity: 'error',
    zh: (a) => `满意度变化 ${q(a.value)} 超出了 ${a.min} 到 +${a.max} 的范围。`,
    en: (a) => `The satisfaction change ${q(a.value)} is outside the range ${a.min} to +${a.max}.`,
  },
  TEXT_ONE_LANGUAGE: {
    severity: 'warning',
    zh: (a) => (a.alone ? `这个节点有${a.what}，却没有买家消息（> 引用）可以翻译。` : `这里的${a.what}只有${a.has}，而本案例其他的${a.what}大多中英都有。`),
    en: (a) => (a.alone ? `This node has a ${a.whatEn} but no customer message (> quote) for it to translate.` : `This ${a.whatEn} is in ${a.hasEn} only, while most others in this case are in both languages.`),
  },
  PHRASE_NEVER_SAID: {
    severity: 'warning',
    zh: (a) => `没有任何回复包含关键句 ${q(a.phrase)}，复盘时永远不会被勾选。`,
    en: (a) => `No reply says the key phrase ${q(a.phrase)}, so the debrief can never tick it.`,
  },
  SATISFACTION_NOT_WHOLE: {
    severity: 'error',
    zh: (a) => `满意度 ${q(a.value)} 不是整数。`,
    en: (a) => `Satisfaction ${q(a.value)} is not a whole number.`,
  },
  AMOUNT_INVALID: {
    severity: 'error',
    zh: (a) => `金额 ${q(a.value)} 不是有效的 ${a.currency} 金额。`,
    en: (a) => `${q(a.value)} is not a valid ${a.currency} amount.`,
  },
  AMOUNT_EXCEEDS_ORDER: {
    severity: 'error',
    zh: (a) => `退款 ${a.value} 超过了订单金额 ${a.order}。`,
    en: (a) => `The refund ${a.value} is more than the order amount ${a.order}.`,
  },
  CURRENCY_MISMATCH: {
    severity: 'error',
    zh: (a) => `币种 ${e(a.value)} 与订单币种 ${e(a.order)} 不一致。`,
    en: (a) => `The currency ${e(a.value)} does not match the order currency ${e(a.order)}.`,
  },
  TIME_INVALID: {
    severity: 'error',
    zh: (a) => `时间 ${q(a.value)} 格式不对。`,
    en: (a) => `The time ${q(a.value)} is not in the expected format.`,
  },
  CONDITION_INVALID: {
    severity: 'error',
    zh: (a) => `条件 ${q(a.value)} 看不懂：${a.zh}`,
    en: (a) => `The condition ${q(a.value)} cannot be read: ${a.en}`,
  },
  FLAG_NEVER_SET: {
    severity: 'warning',
    zh: (a) => `条件用到了标记 ${e(a.flag)}，但没有任何回复设置（set）它。`,
    en: (a) => `The condition tests the flag ${e(a.flag)}, but no reply sets it.`,
  },
  VALUE_INVALID: {
    severity: 'error',
    zh: (a) => `${e(a.key)} 的值 ${q(a.value)} 不在可选范围内（${a.allowed}）。`,
    en: (a) => `${e(a.key)} cannot be ${q(a.value)} (allowed: ${a.allowed}).`,
  },
  KEEP_INVALID: {
    severity: 'error',
    zh: (a) => `keep 的值 ${q(a.value)} 不对：只能是 first（最前）或 last（最后）。`,
    en: (a) => `keep cannot be ${q(a.value)}: it is first or last.`,
  },
  BEST_IS_LONGEST: {
    severity: 'warning',
    zh: (a) => `在 ${a.points} 个决策点中，有 ${a.longest} 个（${a.share}%）最佳回复恰好是最长的一条；超过 60% 时，学生只挑最长的就能过关。`,
    en: (a) => `At ${a.longest} of ${a.points} decision points (${a.share}%) the best reply is also the longest; above 60% a student can pass by always picking the longest.`,
  },
  HINT_MISSING: {
    severity: 'warning',
    zh: (a) => `决策点 ${e(a.id)} 没有提示：节点和它的回复都没有 hint。`,
    en: (a) => `The decision point ${e(a.id)} has no hint: neither the node nor any of its replies gives one.`,
  },
  NO_TEMPTING_TRAP: {
    severity: 'warning',
    zh: () => '没有一条违规回复比同一节点的最佳回复更让买家满意：学生只要挑让买家最高兴的回复就能过关，两个分数没有冲突。',
    en: () => 'No reply that breaks a rule pleases the buyer more than the best reply at its decision point: picking whatever pleases the buyer most always passes, so the two scores never pull apart.',
  },
  NO_PASSING_PATH: {
    severity: 'error',
    zh: (a) => `没有任何一条路径能通过（满意度 ≥ ${a.sat}、合规 ≥ ${a.comp}、无严重违规）。`,
    en: (a) => `No path through the case passes (satisfaction ≥ ${a.sat}, compliance ≥ ${a.comp}, no critical violation).`,
  },
  PATHS_TOO_MANY: {
    severity: 'warning',
    zh: (a) => `状态太多（超过 ${a.limit}），没有检查完所有路径。`,
    en: (a) => `Too many states (over ${a.limit}) to check every path.`,
  },
  NESTING_TOO_DEEP: {
    severity: 'error',
    zh: (a) => `这一行的引用（\`>\`）、列表或缩进嵌套超过 ${a.limit} 层，无法显示。`,
    en: (a) => `This line nests quotes (\`>\`), lists or indentation more than ${a.limit} levels deep, too deep to show.`,
  },
  CASE_TOO_LARGE: {
    severity: 'error',
    zh: (a) => `文件太大（${a.size}），上限是 ${a.limit}。`,
    en: (a) => `The file is too large (${a.size}); the limit is ${a.limit}.`,
  },
} satisfies Record<string, Entry>;

/** The known codes, from the catalogue itself: a code not in it does not compile. */
export type DiagnosticCode = keyof typeof CATALOGUE;

export interface Hint {
  zh: string;
  en: string;
}

export const didYouMean = (s: string): Hint => ({ zh: `是不是想写 ${e(s)}？`, en: `Did you mean ${e(s)}?` });

/** Collects diagnostics for one file. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  /**
   * `lines`: the file's line count, so that "missing at the end" still points inside the file;
   * or a function that counts them, called at the first diagnostic (a clean file needs no count).
   */
  constructor(
    readonly file: string,
    private lines: number | (() => number) = Infinity,
  ) {}

  report(code: DiagnosticCode, line: number, column: number, args: Args = {}, hint?: Hint): void {
    const entry: Entry = CATALOGUE[code];
    if (typeof this.lines === 'function') this.lines = this.lines();
    const inside = Math.max(1, Math.min(line, this.lines));
    this.diagnostics.push({
      code,
      severity: entry.severity,
      file: this.file,
      line: inside,
      column: inside === line ? column : 1,
      message: { zh: entry.zh(args), en: entry.en(args) },
      ...(hint ? { hint } : {}),
    });
  }

  get hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }
}

/** Order diagnostics by position so the list reads top to bottom like the file. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** `file:line:col: severity CODE message`, then the hint on an indented line — the command line's format, all in one language. */
export function formatDiagnostic(d: Diagnostic, lang: 'zh' | 'en' = 'en'): string {
  if (lang === 'zh') {
    const hint = d.hint ? `\n    提示：${d.hint.zh}` : '';
    return `${d.file}:${d.line}:${d.column}: ${d.severity === 'error' ? '错误' : '警告'} ${d.code} ${d.message.zh}${hint}`;
  }
  const hint = d.hint ? `\n    hint: ${d.hint.en}` : '';
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message.en}${hint}`;
}
