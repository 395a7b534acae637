/**
 * Interface strings in Chinese and English, and the rule for choosing between a case's `{zh, en}` texts.
 *
 * The English table is the reference: the Chinese one must have exactly the same keys, so a missing
 * translation is a type error, not a blank on screen. `t()` reads the current language reactively.
 */
import type { Text } from '../case/types.ts';
import { locale, type UiLang } from './locale.svelte.ts';

const en = {
  'app.name': 'Dispute Desk',
  'app.tagline': 'Customer service training',
  'app.skip': 'Skip to content',
  'lang.label': 'Interface language',

  'home.title': 'Cases',
  'home.intro':
    'Play the seller in a marketplace dispute. Read the buyer’s messages and the order, choose your replies in English, and keep both the customer and the platform rules on your side.',
  'home.empty': 'No cases yet.',
  'case.difficulty': 'Difficulty',
  'case.difficultyValue': '{n} of 5',
  'case.minutes': 'About {n} min',

  'file.title': 'Your own case',
  'file.open': 'Open a case file',
  'file.help': 'Try out a case you wrote (.md). The file is read on this device and never uploaded.',
  'file.reading': 'Reading {name}…',
  'file.problems': '{name} has problems to fix before it can be played:',
  'file.failed': 'Could not open {name}: {message}',
  'file.hint': 'Hint',
  'file.error': 'error',
  'file.warning': 'warning',
  'file.from': 'Opened from the file {name}',

  'nav.back': 'All cases',
  'nav.notFound': 'This page does not exist.',
  'case.loading': 'Loading the case…',
  'case.missing': 'There is no case “{id}”. If you opened it from a file, open the file again.',
  'case.loadFailed': 'The case could not be loaded: {message}',
  'case.briefing': 'Your task',

  'order.title': 'Order details',
  'order.number': 'Order no.',
  'order.item': 'Item',
  'order.total': 'Amount',
  'order.created': 'Order date',
  'order.status': 'Status',
  'order.disputeReason': 'Dispute reason',
  'order.buyer': 'Buyer',
  'order.seller': 'Seller',

  'chat.title': 'Conversation',
  'chat.typing': '{name} is typing…',
  'chat.skip': 'Press any key or tap to skip',
  'chat.you': '{name} (you)',
  'chat.says': '{name} says:',
  'chat.event': 'Event:',
  'chat.showGloss': 'Show Chinese',
  'chat.hideGloss': 'Hide Chinese',

  'replies.title': 'Choose your reply',
  'replies.keys': 'Number keys 1–{n} choose too.',

  'meter.scores': 'Scores',
  'meter.satisfaction': 'Buyer satisfaction',
  'meter.compliance': 'Policy compliance',
  'meter.violations.one': '{n} rule broken',
  'meter.violations.other': '{n} rules broken',
  'meter.passMark': 'pass mark {n}',
  'mood.furious': 'Furious',
  'mood.upset': 'Upset',
  'mood.neutral': 'Neutral',
  'mood.pleased': 'Pleased',
  'mood.delighted': 'Delighted',

  'severity.critical': 'critical',
  'severity.major': 'major',
  'severity.minor': 'minor',

  'feedback.title': 'Feedback on your reply',
  'feedback.delta': 'Satisfaction {delta}, now {n}',
  'feedback.broke': 'Rule broken',
  'feedback.followed': 'Rules followed',
  'feedback.continue': 'Continue',

  'result.resolved': 'Resolved',
  'result.escalated': 'Escalated to the platform',
  'result.lost': 'Customer lost',
  'result.cancelled': 'Order cancelled',
  'result.failed': 'Failed',
  'paidBy.seller': 'paid by the seller',
  'paidBy.platform': 'paid by the platform',
  'paidBy.buyer': 'paid by the buyer',

  'debrief.title': 'Debrief',
  'debrief.outcome': 'Outcome',
  'debrief.refund': 'Refund',
  colon: ': ',
  comma: ', ',
  'debrief.noRefund': 'No refund',
  'debrief.passed': 'Passed',
  'debrief.notPassed': 'Not passed',
  'debrief.passRule': 'To pass: satisfaction at least {s}, compliance at least {c}, and no critical rule broken.',
  'fail.satisfaction': 'Satisfaction {value} is below the pass mark of {min}.',
  'fail.compliance': 'Compliance {value} is below the pass mark of {min}.',
  'fail.critical': 'A critical rule was broken: {rules}.',
  'debrief.scores': 'Final scores',
  'debrief.violations': 'Rules broken',
  'debrief.noViolations': 'You broke no rule.',
  'debrief.turn': 'Turn {n}',
  'debrief.source': 'Source',
  'debrief.asOf': 'as of {date}',
  'debrief.paths': 'Your replies beside the real seller’s',
  'debrief.yours': 'Your reply',
  'debrief.real': 'Real seller',
  'debrief.yoursAndReal': 'Your reply, the same as the real seller’s',
  'debrief.same': 'Same as the real seller',
  'debrief.different': 'Different from the real seller',
  'debrief.none': '(no reply at this turn)',
  'debrief.followedReal': 'You took exactly the real seller’s path.',
  'debrief.feedback': 'Turn-by-turn feedback',
  'debrief.analysis': 'Case analysis',
  'debrief.phrases': 'Key phrases',
  'debrief.playAgain': 'Play again',
  'debrief.transcript': 'Full conversation',

  'save.restored': 'Welcome back: your progress in this case was restored.',
  'save.discarded': 'Your saved progress in this case could not be read, so it was discarded and the case starts again.',
  'save.outdated': 'This case has changed since you last played it, so it starts again.',
  'save.startOver': 'Start over',
  'notice.dismiss': 'Dismiss',
} as const;

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  'app.name': 'Dispute Desk',
  'app.tagline': '跨境电商客服纠纷训练',
  'app.skip': '跳到主要内容',
  'lang.label': '界面语言',

  'home.title': '案例',
  'home.intro':
    '扮演卖家处理平台纠纷：阅读买家的英文消息和订单信息，选择合适的英文回复，既要让买家满意，也要遵守平台规则。',
  'home.empty': '暂无案例。',
  'case.difficulty': '难度',
  'case.difficultyValue': '{n}/5',
  'case.minutes': '约 {n} 分钟',

  'file.title': '自己的案例',
  'file.open': '打开案例文件',
  'file.help': '试玩你自己编写的案例（.md 文件）。文件只在本机读取，不会上传。',
  'file.reading': '正在读取 {name}…',
  'file.problems': '{name} 有以下问题，修正后才能试玩：',
  'file.failed': '无法打开 {name}：{message}',
  'file.hint': '提示',
  'file.error': '错误',
  'file.warning': '警告',
  'file.from': '来自文件 {name}',

  'nav.back': '全部案例',
  'nav.notFound': '页面不存在。',
  'case.loading': '正在加载案例…',
  'case.missing': '找不到案例“{id}”。如果它来自你打开的文件，请重新打开该文件。',
  'case.loadFailed': '案例加载失败：{message}',
  'case.briefing': '任务说明',

  'order.title': '订单详情',
  'order.number': '订单号',
  'order.item': '商品',
  'order.total': '订单金额',
  'order.created': '下单日期',
  'order.status': '订单状态',
  'order.disputeReason': '纠纷原因',
  'order.buyer': '买家',
  'order.seller': '卖家',

  'chat.title': '对话',
  'chat.typing': '{name} 正在输入…',
  'chat.skip': '按任意键或轻触屏幕跳过',
  'chat.you': '{name}（你）',
  'chat.says': '{name} 说：',
  'chat.event': '事件：',
  'chat.showGloss': '显示中文',
  'chat.hideGloss': '隐藏中文',

  'replies.title': '选择你的回复',
  'replies.keys': '也可以按数字键 1–{n} 选择。',

  'meter.scores': '得分',
  'meter.satisfaction': '买家满意度',
  'meter.compliance': '合规分',
  'meter.violations.one': '违规 {n} 次',
  'meter.violations.other': '违规 {n} 次',
  'meter.passMark': '及格线 {n}',
  'mood.furious': '愤怒',
  'mood.upset': '不满',
  'mood.neutral': '平静',
  'mood.pleased': '满意',
  'mood.delighted': '非常满意',

  'severity.critical': '严重',
  'severity.major': '重要',
  'severity.minor': '轻微',

  'feedback.title': '对你的回复的点评',
  'feedback.delta': '满意度 {delta}，现在为 {n}',
  'feedback.broke': '违反规则',
  'feedback.followed': '遵守的规则',
  'feedback.continue': '继续',

  'result.resolved': '已解决',
  'result.escalated': '升级至平台裁决',
  'result.lost': '客户流失',
  'result.cancelled': '订单取消',
  'result.failed': '处理失败',
  'paidBy.seller': '由卖家出资',
  'paidBy.platform': '由平台出资',
  'paidBy.buyer': '由买家承担',

  'debrief.title': '复盘',
  'debrief.outcome': '处理结果',
  'debrief.refund': '退款',
  colon: '：',
  comma: '，',
  'debrief.noRefund': '无退款',
  'debrief.passed': '通过',
  'debrief.notPassed': '未通过',
  'debrief.passRule': '通过标准：满意度不低于 {s}，合规分不低于 {c}，且没有违反严重规则。',
  'fail.satisfaction': '满意度 {value} 低于及格线 {min}。',
  'fail.compliance': '合规分 {value} 低于及格线 {min}。',
  'fail.critical': '违反了严重规则：{rules}。',
  'debrief.scores': '最终得分',
  'debrief.violations': '违反的规则',
  'debrief.noViolations': '你没有违反任何规则。',
  'debrief.turn': '第 {n} 轮',
  'debrief.source': '来源',
  'debrief.asOf': '截至 {date}',
  'debrief.paths': '你的回复与真实卖家的回复',
  'debrief.yours': '你的回复',
  'debrief.real': '真实卖家',
  'debrief.yoursAndReal': '你的回复（与真实卖家相同）',
  'debrief.same': '与真实卖家相同',
  'debrief.different': '与真实卖家不同',
  'debrief.none': '（这一轮没有回复）',
  'debrief.followedReal': '你的每一步都与真实卖家一致。',
  'debrief.feedback': '逐轮点评',
  'debrief.analysis': '案例分析',
  'debrief.phrases': '关键句',
  'debrief.playAgain': '再玩一次',
  'debrief.transcript': '完整对话',

  'save.restored': '欢迎回来：已恢复你在本案例中的进度。',
  'save.discarded': '本案例的存档无法读取，已被丢弃，案例将从头开始。',
  'save.outdated': '案例在你上次练习后已更新，将从头开始。',
  'save.startOver': '重新开始',
  'notice.dismiss': '关闭',
};

export const messages: Record<UiLang, Record<MessageKey, string>> = { en, 'zh-CN': zh };

export type Vars = Record<string, string | number>;

/** Fills `{name}` placeholders; an unknown placeholder stays visible so it gets noticed and fixed. */
export function translate(lang: UiLang, key: MessageKey, vars: Vars = {}): string {
  const template = messages[lang][key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** A string in the current UI language; reactive when read in a template. */
export function t(key: MessageKey, vars?: Vars): string {
  return translate(locale.lang, key, vars);
}

/**
 * Strings of a page that loads on its own (studio, teacher pages): kept in that page's module so
 * the player does not download them. Same rules as the main table: Chinese must match English.
 */
export function dictionary<K extends string>(enTable: Record<K, string>, zhTable: Record<K, string>) {
  const tables: Record<UiLang, Record<K, string>> = { en: enTable, 'zh-CN': zhTable };
  return (key: K, vars: Vars = {}): string =>
    (tables[locale.lang][key] ?? enTable[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in vars ? String(vars[name]) : whole,
    );
}

/** Counted strings: English needs one/other, Chinese does not, so the rule comes from Intl. */
export function tn(key: 'meter.violations', n: number): string {
  const form = new Intl.PluralRules(locale.lang).select(n) === 'one' ? 'one' : 'other';
  return t(`${key}.${form}`, { n });
}

/** The language a case text is shown in: the UI language if the author wrote it, else whichever exists. */
export function textLang(text: Text | undefined, lang: UiLang = locale.lang): 'zh' | 'en' | undefined {
  if (!text) return undefined;
  const wanted = lang === 'zh-CN' ? 'zh' : 'en';
  if (text[wanted] !== undefined) return wanted;
  if (text.en !== undefined) return 'en';
  if (text.zh !== undefined) return 'zh';
  return undefined;
}

/** A case text in the UI language, falling back to the other language rather than showing nothing. */
export function pickText(text: Text | undefined, lang: UiLang = locale.lang): string {
  const which = textLang(text, lang);
  return which && text ? (text[which] ?? '') : '';
}

/** The value for a `lang` attribute on case text, so screen readers use the right voice. */
export function htmlLang(which: 'zh' | 'en' | undefined): string | undefined {
  return which === 'zh' ? 'zh-CN' : which;
}
