/**
 * The vocabulary of the case format: every key and section name with its Chinese aliases, and
 * how an author's spelling is matched to it.
 *
 * Authors write `Dispute reason`, `dispute_reason` or `纠纷原因` and mean the same key, so names are
 * compared after normalisation. A name that matches nothing gets the nearest known name as a hint.
 */

/** Lower-case, drop spaces, hyphens, underscores, dots, brackets and full-width variants of them. */
export function normalise(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_.()（）[\]【】·]/g, '');
}

/** A vocabulary: canonical name → accepted spellings (the canonical name is accepted too). */
export type Vocabulary = Record<string, readonly string[]>;

export const FRONT_MATTER_KEYS = {
  id: ['编号'],
  version: ['版本'],
  title: ['标题'],
  platform: ['平台'],
  rulebook: ['规则库'],
  language: ['语言', 'lang'],
  'dispute type': ['纠纷类型'],
  difficulty: ['难度'],
  minutes: ['时长', '分钟'],
  order: ['订单'],
  customer: ['买家', '客户', 'buyer'],
  seller: ['卖家'],
  start: ['开始', '起点'],
  satisfaction: ['满意度', '初始满意度'],
  pass: ['通过标准'],
  rules: ['规则', '考查规则'],
  phrases: ['关键句', '重点句'],
  source: ['来源', '出处'],
} as const satisfies Vocabulary;

export const ORDER_KEYS = {
  number: ['订单号'],
  item: ['商品'],
  amount: ['金额', '订单金额'],
  currency: ['币种', '货币'],
  created: ['下单日期', '订单创建时间', '创建日期'],
  status: ['状态', '订单状态'],
  'dispute reason': ['纠纷原因'],
} as const satisfies Vocabulary;

export const PERSON_KEYS = {
  name: ['名字', '姓名'],
  country: ['国家'],
  shop: ['店铺'],
} as const satisfies Vocabulary;

export const PASS_KEYS = {
  satisfaction: ['满意度'],
  compliance: ['合规', '合规分'],
  'critical fails': ['严重违规不通过'],
} as const satisfies Vocabulary;

export const TEXT_KEYS = { zh: ['中文', 'zhcn'], en: ['英文', 'english'] } as const satisfies Vocabulary;

export const SECTIONS = {
  briefing: ['背景', '任务说明', '简介'],
  dialogue: ['对话'],
  endings: ['结局'],
  analysis: ['案例分析', '分析'],
} as const satisfies Vocabulary;

export const RULEBOOK_SECTIONS = { rules: ['规则'] } as const satisfies Vocabulary;

export const NODE_KEYS = {
  time: ['时间'],
  gloss: ['译文', '中文'],
  hint: ['提示'],
  'go to': ['转到', '跳转', 'goto'],
  note: ['旁白'],
} as const satisfies Vocabulary;

export const REPLY_KEYS = {
  next: ['下一步'],
  satisfaction: ['满意度'],
  follows: ['遵守'],
  breaks: ['违反'],
  feedback: ['点评', '反馈'],
  hint: ['提示'],
  set: ['设置', '标记'],
  unset: ['清除'],
  if: ['条件', '仅当'],
  time: ['时间'],
  real: ['真实', '真实卖家'],
  keep: ['固定', '位置'],
  id: ['编号'],
} as const satisfies Vocabulary;

export const ENDING_KEYS = {
  result: ['结果'],
  outcome: ['结局说明', '处理结果'],
  refund: ['退款'],
  currency: ['币种', '货币'],
  'paid by': ['出资方', '出资'],
  real: ['真实', '真实卖家'],
  time: ['时间'],
  note: ['旁白'],
} as const satisfies Vocabulary;

export const RULE_KEYS = {
  severity: ['严重程度', '级别'],
  kind: ['类型', '性质'],
  zh: ['中文'],
  en: ['英文'],
  source: ['来源'],
  'as of': ['截至', '日期'],
  consulted: ['查阅', '查阅日期'],
} as const satisfies Vocabulary;

export const RULEBOOK_FRONT_MATTER_KEYS = {
  id: ['编号'],
  platform: ['平台'],
  title: ['标题'],
  penalties: ['扣分'],
} as const satisfies Vocabulary;

/** Keys whose value is prose that may be given per language with a ` en` / ` zh` suffix. */
export const LOCALISED = new Set(['feedback', 'hint', 'outcome', 'briefing', 'analysis', 'note']);

const LANG_SUFFIXES: Record<string, 'zh' | 'en'> = {
  en: 'en',
  english: 'en',
  英文: 'en',
  zh: 'zh',
  中文: 'zh',
};

export interface KeyMatch<K extends string> {
  key: K;
  /** Language given by a suffix such as `feedback en` or `点评 英文`. */
  lang?: 'zh' | 'en';
}

/** A vocabulary's spellings, each with the canonical name it stands for. */
interface Spellings {
  /** As listed: most keys are written exactly so, and are found without normalising. */
  listed: Map<string, string>;
  normalised: Map<string, string>;
}

const spellings = new WeakMap<Vocabulary, Spellings>();

/** Built once per vocabulary. */
function spellingsIndex(vocab: Vocabulary): Spellings {
  let index = spellings.get(vocab);
  if (!index) {
    const normalised = new Map<string, string>();
    for (const [canonical, aliases] of Object.entries(vocab)) for (const s of [canonical, ...aliases]) normalised.set(normalise(s), canonical);
    // A listed spelling stands for what its normalised form stands for, so both ways agree.
    const listed = new Map(Object.entries(vocab).flatMap(([k, aliases]) => [k, ...aliases].map((s) => [s, normalised.get(normalise(s)) ?? k] as const)));
    index = { listed, normalised };
    spellings.set(vocab, index);
  }
  return index;
}

/** Match an author's key against a vocabulary, allowing a language suffix on localised keys. */
export function matchKey<V extends Vocabulary>(vocab: V, raw: string): KeyMatch<Extract<keyof V, string>> | undefined {
  const index = spellingsIndex(vocab);
  const listed = index.listed.get(raw);
  if (isKeyOf(vocab, listed)) return { key: listed };
  const n = normalise(raw);
  const direct = index.normalised.get(n);
  if (isKeyOf(vocab, direct)) return { key: direct };
  for (const [suffix, lang] of Object.entries(LANG_SUFFIXES)) {
    if (n.length <= suffix.length || !n.endsWith(suffix)) continue;
    const base = index.normalised.get(n.slice(0, -suffix.length));
    if (isKeyOf(vocab, base) && LOCALISED.has(base)) return { key: base, lang };
  }
  return undefined;
}

function isKeyOf<V extends Vocabulary>(vocab: V, key: string | undefined): key is Extract<keyof V, string> {
  return key !== undefined && Object.hasOwn(vocab, key);
}

/** Edit distance, for "did you mean" hints. */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  // The table of distances one row at a time: row[j] is the distance from the part of `a` read so
  // far to the first j characters of `b`.
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 0; i < a.length; i++) {
    const next = [i + 1];
    for (let j = 0; j < b.length; j++) {
      const [replace = 0, remove = 0, insert = 0] = [row[j], row[j + 1], next[j]];
      next.push(Math.min(replace + (a[i] === b[j] ? 0 : 1), remove + 1, insert + 1));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

/** The closest candidate to `raw`, if it is close enough to be a plausible typo. */
export function nearest(raw: string, candidates: Iterable<string>): string | undefined {
  const n = normalise(raw);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(n, normalise(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor(n.length / 3));
  return bestDistance <= limit ? best : undefined;
}

/** Canonical and alias spellings, so a near-miss of `点评` suggests `点评`. */
export function spellingsOf(vocab: Vocabulary): string[] {
  return Object.entries(vocab).flatMap(([k, aliases]) => [k, ...aliases]);
}
