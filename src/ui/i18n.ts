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
  'home.studio': 'Write a case of your own in the case studio',
  'home.teacher': 'For teachers: assign cases to a class and see the results',
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
  'debrief.paths': 'Your path beside the real seller’s and the best',
  'debrief.same': 'Same as the real seller',
  'debrief.different': 'Different from the real seller',
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
  'page.loading': 'Loading…',
  'page.loadFailed': 'This page could not be loaded. Check your connection and reload the page.',

  'nav.settings': 'Settings',
  'library.title': 'Case library',
  'library.filters': 'Filter the cases',
  'library.platform': 'Platform',
  'library.dispute': 'Dispute type',
  'library.any': 'All',
  'library.count': 'Showing {shown} of {total} cases',
  'library.none': 'No case matches these filters.',
  'library.clear': 'Show all cases',
  'library.notStarted': 'Not played yet',
  'library.inProgress': 'In progress, turn {n}',
  'library.best': 'Best: {verdict}, satisfaction {s}, compliance {c}',
  'library.attempts.one': '{n} attempt',
  'library.attempts.other': '{n} attempts',
  'library.start': 'Start',
  'library.continue': 'Continue',
  'library.again': 'Play again',
  'settings.title': 'Settings',
  'settings.intro': 'How the cases are played. Your choices are remembered in this browser and apply at once, also in a case you are playing.',
  'settings.feedback': 'Feedback on your replies',
  'settings.feedback.immediate': 'After each reply',
  'settings.feedback.immediateHelp': 'See the change in satisfaction, the comment and any rule broken straight away.',
  'settings.feedback.deferred': 'At the end, in the debrief',
  'settings.feedback.deferredHelp': 'Handle the whole dispute first, as at work: comments, compliance and rule checks wait for the debrief. The buyer’s mood still shows.',
  'settings.hints': 'Hints',
  'settings.hints.on': 'Show hints before I choose a reply',
  'settings.hints.help': 'Where a case gives a hint for a reply, it appears under that reply.',
  'settings.typing': 'Typing indicator',
  'settings.typing.on': 'Show the buyer typing before each message',
  'settings.typing.help': 'A short pause that any key or a tap skips. Never shown when your device asks for reduced motion.',
  'settings.backToCase': 'Back to the case',
  'settings.locked': 'Set by your assignment',
  'settings.lockedBy': 'Set by the assignment “{by}”',
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
  'debrief.chart': 'Satisfaction over the conversation',
  'debrief.chartSummary': 'Satisfaction went from {from} to {to} in {n} turns; the pass mark is {pass}.',
  'debrief.chartBroken': '✗ marks a turn in which a rule was broken.',
  'debrief.showTable': 'Show as a table',
  'debrief.hideTable': 'Hide the table',
  'debrief.colTurn': 'Turn',
  'debrief.colChange': 'Change',
  'debrief.colSatisfaction': 'Satisfaction',
  'debrief.colRules': 'Rules broken',
  'debrief.start': 'Start',
  'debrief.playedWith': 'Played with feedback {mode}',
  'path.yours': 'Your path',
  'path.real': 'Real seller',
  'path.best': 'Best path',
  'path.noReal': 'This case does not record what the real seller did.',
  'path.bestIsReal': 'The real seller’s path is also the best path.',
  'path.youMatchedBest': 'Your path scores as well as the best path.',
  'path.bestExplained': 'Best path: the one that passes with the highest compliance, then the highest satisfaction.',
  'debrief.youReplied': 'You replied',
  'debrief.deferredNote': 'You chose feedback at the end: here it is, turn by turn.',
  'debrief.phrasesIntro': 'Key English phrases from this case with their meaning. ✓ marks the ones you used.',
  'debrief.phraseUsed': 'You used this phrase',
  'debrief.review': 'Review the conversation',
  'debrief.penalty': 'compliance −{n}',
  'debrief.readAnalysis': 'Show the analysis',
  'path.over': 'the conversation had already ended',
  'debrief.backToDebrief': 'Back to the debrief',
  'debrief.print': 'Print',
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

  'home.title': '案例',
  'home.intro':
    '扮演卖家处理平台纠纷：阅读买家的英文消息和订单信息，选择合适的英文回复，既要让买家满意，也要遵守平台规则。',
  'home.empty': '暂无案例。',
  'home.studio': '在案例工作室里编写自己的案例',
  'home.teacher': '教师：给班级布置案例并查看成绩',
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
  'debrief.paths': '你的路径、真实卖家的路径与最佳路径',
  'debrief.same': '与真实卖家相同',
  'debrief.different': '与真实卖家不同',
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
  'page.loading': '正在加载…',
  'page.loadFailed': '页面加载失败。请检查网络连接后刷新页面。',

  'nav.settings': '设置',
  'library.title': '案例库',
  'library.filters': '筛选案例',
  'library.platform': '平台',
  'library.dispute': '纠纷类型',
  'library.any': '全部',
  'library.count': '显示 {shown} 个案例（共 {total} 个）',
  'library.none': '没有符合筛选条件的案例。',
  'library.clear': '显示全部案例',
  'library.notStarted': '尚未练习',
  'library.inProgress': '进行中，第 {n} 轮',
  'library.best': '最好成绩：{verdict}，满意度 {s}，合规分 {c}',
  'library.attempts.one': '练习 {n} 次',
  'library.attempts.other': '练习 {n} 次',
  'library.start': '开始',
  'library.continue': '继续',
  'library.again': '再练一次',
  'settings.title': '设置',
  'settings.intro': '设置案例的练习方式。你的选择保存在本浏览器中，并立即生效，正在进行的案例也一样。',
  'settings.feedback': '回复点评',
  'settings.feedback.immediate': '每次回复后显示',
  'settings.feedback.immediateHelp': '立即看到满意度变化、点评和违反的规则。',
  'settings.feedback.deferred': '结束后在复盘中显示',
  'settings.feedback.deferredHelp': '像真实工作一样先处理完整个纠纷：点评、合规分和规则检查都留到复盘。买家的情绪仍会显示。',
  'settings.hints': '提示',
  'settings.hints.on': '选择回复前显示提示',
  'settings.hints.help': '如果案例为某条回复提供了提示，提示会显示在该回复下方。',
  'settings.typing': '输入提示',
  'settings.typing.on': '每条消息前显示“买家正在输入”',
  'settings.typing.help': '短暂停顿，按任意键或轻触即可跳过。设备开启“减少动态效果”时不显示。',
  'settings.backToCase': '返回案例',
  'settings.locked': '由作业设定',
  'settings.lockedBy': '由作业“{by}”设定',
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
  'debrief.chart': '满意度变化',
  'debrief.chartSummary': '满意度在 {n} 轮中从 {from} 变为 {to}；及格线为 {pass}。',
  'debrief.chartBroken': '✗ 表示这一轮违反了规则。',
  'debrief.showTable': '以表格显示',
  'debrief.hideTable': '隐藏表格',
  'debrief.colTurn': '轮次',
  'debrief.colChange': '变化',
  'debrief.colSatisfaction': '满意度',
  'debrief.colRules': '违反的规则',
  'debrief.start': '开始',
  'debrief.playedWith': '本次练习：{mode}点评',
  'path.yours': '你的路径',
  'path.real': '真实卖家',
  'path.best': '最佳路径',
  'path.noReal': '本案例没有记录真实卖家的做法。',
  'path.bestIsReal': '真实卖家的路径同时也是最佳路径。',
  'path.youMatchedBest': '你的路径得分与最佳路径相同。',
  'path.bestExplained': '最佳路径：能通过、合规分最高、其次满意度最高的路径。',
  'debrief.youReplied': '你的回复',
  'debrief.deferredNote': '你选择了在结束后查看点评，以下逐轮列出。',
  'debrief.phrasesIntro': '本案例的英文关键句及中文意思。✓ 表示你用过的句子。',
  'debrief.phraseUsed': '你用过这句',
  'debrief.review': '回看对话',
  'debrief.penalty': '合规分 −{n}',
  'debrief.readAnalysis': '展开案例分析',
  'path.over': '对话已经结束',
  'debrief.backToDebrief': '返回复盘',
  'debrief.print': '打印',
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
  const form = new Intl.PluralRules(locale.lang).select(n) === 'one' ? 'one' : 'other';
  return t(`${key}.${form}` as MessageKey, { n });
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
