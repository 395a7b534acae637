/**
 * The settings' strings (feedback mode, hints, typing), in English and Chinese. Loaded with the
 * settings page and forms only. The Chinese table must have exactly the English keys.
 */
import { dictionary } from '../i18n.ts';

const en = {
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
};

const zh: Record<keyof typeof en, string> = {
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
};

export const tSettings = dictionary(en, zh);
