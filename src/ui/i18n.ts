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
  'case.difficulty': 'Difficulty',
  'case.difficultyValue': '{n} of 5',
  'case.minutes': 'About {n} min',
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
  'meter.satisfaction': 'Buyer satisfaction',
  'meter.compliance': 'Policy compliance',
  'meter.violations.one': '{n} rule broken',
  'meter.violations.other': '{n} rules broken',
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
  colon: ': ',
  comma: ', ',
  'debrief.passed': 'Passed',
  'debrief.notPassed': 'Not passed',
  'debrief.source': 'Source',
  'debrief.asOf': 'as of {date}',
  'debrief.transcript': 'Full conversation',

  'save.restored': 'Welcome back: your progress in this case was restored.',
  'save.discarded': 'Your saved progress in this case could not be read, so it was discarded and the case starts again.',
  'save.outdated': 'This case has changed since you last played it, so it starts again.',
  'save.startOver': 'Start over',
  'notice.dismiss': 'Dismiss',
  'page.loading': 'Loading…',
  'page.loadFailed': 'This page could not be loaded. Check your connection and reload the page.',

  'nav.settings': 'Settings',
  'settings.unreadable': 'Your settings could not be read, so the defaults are back.',
  'settings.partly': 'Some of your settings could not be read and were reset.',
  'history.unreadable': 'Your attempt history for “{title}” could not be read, so it was cleared.',
  'history.partly': 'Some attempts in your history for “{title}” could not be read and were removed.',
  'history.title': 'Your attempts',
  'history.none': 'No finished attempt yet.',
  'history.mode': 'Feedback',
  'history.immediate': 'after each reply',
  'history.deferred': 'at the end',
  'history.withHints': 'with hints',
  'history.older': 'earlier version of the case',
  'history.latest': 'this attempt',
  'history.best': 'best',
  'case.startOver': 'Start over',
  'confirm.startOver.title': 'Start this case over?',
  'confirm.startOver.body': 'The replies you have given in this attempt will be lost. Finished attempts stay in your history.',
  'confirm.cancel': 'Cancel',
  'dialog.close': 'Close',
  'order.disputeOpen': 'Issue open',
  'order.disputeClosed': 'Issue closed',
  'order.show': 'Show details',
  'order.hide': 'Hide details',
  'order.localTime': 'Local time',
  'status.label': 'How the conversation is going',
  'status.mood': 'Buyer’s mood',
  'status.compliance': 'Compliance',
  'status.clean': 'no rule broken',
  'status.critical': 'critical rule broken',
  'status.deferred': 'shown in the debrief',
  'status.change': 'last reply {delta}',
  'replies.hint': 'Hint',
  'replies.noHints': 'No hints for these replies.',
  'replies.deferred': 'Feedback on your replies comes in the debrief.',
  'debrief.backToDebrief': 'Back to the debrief',
  'error.title': 'Something went wrong on this page.',
  'error.body': 'Your progress is saved after every step, so nothing is lost. Try again, or go back to the cases.',
  'error.retry': 'Try again',
} as const;

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  'app.name': 'Dispute Desk',
  'app.tagline': '跨境电商客服纠纷训练',
  'app.skip': '跳到主要内容',
  'lang.label': '界面语言',
  'case.difficulty': '难度',
  'case.difficultyValue': '{n}/5',
  'case.minutes': '约 {n} 分钟',
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
  'meter.satisfaction': '买家满意度',
  'meter.compliance': '合规分',
  'meter.violations.one': '违规 {n} 次',
  'meter.violations.other': '违规 {n} 次',
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
  colon: '：',
  comma: '，',
  'debrief.passed': '通过',
  'debrief.notPassed': '未通过',
  'debrief.source': '来源',
  'debrief.asOf': '截至 {date}',
  'debrief.transcript': '完整对话',

  'save.restored': '欢迎回来：已恢复你在本案例中的进度。',
  'save.discarded': '本案例的存档无法读取，已被丢弃，案例将从头开始。',
  'save.outdated': '案例在你上次练习后已更新，将从头开始。',
  'save.startOver': '重新开始',
  'notice.dismiss': '关闭',
  'page.loading': '正在加载…',
  'page.loadFailed': '页面加载失败。请检查网络连接后刷新页面。',

  'nav.settings': '设置',
  'settings.unreadable': '无法读取你的设置，已恢复默认设置。',
  'settings.partly': '部分设置无法读取，已重置。',
  'history.unreadable': '无法读取“{title}”的练习记录，已清空。',
  'history.partly': '“{title}”的部分练习记录无法读取，已删除。',
  'history.title': '你的练习记录',
  'history.none': '还没有完成的练习。',
  'history.mode': '点评方式',
  'history.immediate': '每次回复后',
  'history.deferred': '结束后',
  'history.withHints': '有提示',
  'history.older': '案例旧版本',
  'history.latest': '本次',
  'history.best': '最好',
  'case.startOver': '重新开始',
  'confirm.startOver.title': '要重新开始这个案例吗？',
  'confirm.startOver.body': '本次练习中已经做出的回复将被清除；已完成的练习记录会保留。',
  'confirm.cancel': '取消',
  'dialog.close': '关闭',
  'order.disputeOpen': '售后处理中',
  'order.disputeClosed': '售后已结束',
  'order.show': '展开详情',
  'order.hide': '收起详情',
  'order.localTime': '当地时间',
  'status.label': '对话状况',
  'status.mood': '买家情绪',
  'status.compliance': '合规',
  'status.clean': '未违规',
  'status.critical': '有严重违规',
  'status.deferred': '复盘时显示',
  'status.change': '上一条回复 {delta}',
  'replies.hint': '提示',
  'replies.noHints': '这一轮的回复没有提示。',
  'replies.deferred': '回复点评将在复盘中显示。',
  'debrief.backToDebrief': '返回复盘',
  'error.title': '页面出错了。',
  'error.body': '你的进度在每一步后都已保存，不会丢失。请重试，或返回案例列表。',
  'error.retry': '重试',
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

type PluralBase<K> = K extends `${infer B}.one` ? B : never;
/** Keys with `.one` and `.other` forms. */
export type PluralKey = PluralBase<MessageKey>;

/** Counted strings: English needs one/other, Chinese does not, so the rule comes from Intl. */
export function tn(key: PluralKey, n: number): string {
  return t(`${key}.${pluralForm(n)}` as MessageKey, { n });
}

/** Which counted form a number takes in the current language: English needs one/other, Chinese does not. */
export function pluralForm(n: number): 'one' | 'other' {
  return new Intl.PluralRules(locale.lang).select(n) === 'one' ? 'one' : 'other';
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
