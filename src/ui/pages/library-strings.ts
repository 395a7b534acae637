/**
 * The library page's strings (the case list, its filters, opening a case file), in English and Chinese.
 * Loaded with that page only, so a case page does not download them. The Chinese table must have
 * exactly the English keys.
 */
import { dictionary } from '../i18n.ts';

const en = {
  'home.title': 'Cases',
  'home.intro':
    'Play the seller in a marketplace dispute. Read the buyer’s messages and the order, choose your replies in English, and keep both the customer and the platform rules on your side.',
  'home.empty': 'No cases yet.',
  'home.studio': 'Write a case of your own in the case studio',
  'home.teacher': 'For teachers: assign cases to a class and see the results',

  'file.title': 'Your own case',
  'file.open': 'Open a case file',
  'file.help': 'Try out a case you wrote (.md). The file is read on this device and never uploaded.',
  'file.reading': 'Reading {name}…',
  'file.problems': '{name} has problems to fix before it can be played:',
  'file.failed': 'Could not open {name}: {message}',
  'file.hint': 'Hint',
  'file.error': 'error',
  'file.warning': 'warning',
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
  'problems.list': 'Case files with problems',
  'problems.badge': 'Has problems: not playable yet',
  'problems.show.one': 'Show the {n} error',
  'problems.show.other': 'Show the {n} errors',
  'problems.help': 'Fix these in {file} and save: this page reloads with the case.',
};

const zh: Record<keyof typeof en, string> = {
  'home.title': '案例',
  'home.intro':
    '扮演卖家处理平台纠纷：阅读买家的英文消息和订单信息，选择合适的英文回复，既要让买家满意，也要遵守平台规则。',
  'home.empty': '暂无案例。',
  'home.studio': '在案例工作室里编写自己的案例',
  'home.teacher': '教师：给班级布置案例并查看成绩',

  'file.title': '自己的案例',
  'file.open': '打开案例文件',
  'file.help': '试玩你自己编写的案例（.md 文件）。文件只在本机读取，不会上传。',
  'file.reading': '正在读取 {name}…',
  'file.problems': '{name} 有以下问题，修正后才能试玩：',
  'file.failed': '无法打开 {name}：{message}',
  'file.hint': '提示',
  'file.error': '错误',
  'file.warning': '警告',
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
  'problems.list': '有问题的案例文件',
  'problems.badge': '有问题：暂时不能练习',
  'problems.show.one': '查看 {n} 个错误',
  'problems.show.other': '查看 {n} 个错误',
  'problems.help': '在 {file} 中改正这些问题并保存，本页会自动刷新并显示这个案例。',
};

export const tLibrary = dictionary(en, zh);
