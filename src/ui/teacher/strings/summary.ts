/** The class summary under the results: pass rates, the charts, what the class chose and the rules broken. */
export const en = {
  'summary.title': 'Class summary',
  'summary.passedAll': '{n} of {of} students passed every case ({pct}%).',
  'summary.passRate': 'Pass rate: {n} of {of} students ({pct}%).',
  'summary.noResults': 'No scored results for this case yet.',
  'summary.satisfaction': 'Satisfaction (attempt that counts)',
  'summary.compliance': 'Compliance (attempt that counts)',
  'summary.decisions': 'What the class chose',
  'summary.decisions.help': 'First attempts, at every point where the customer waited for a reply. Replies marked “to discuss” broke a rule or upset the customer.',
  'summary.reached': 'Students who got here: {n}',
  'summary.count': '{n} ({pct}%)',
  'summary.real': 'real seller',
  'summary.model': 'model answer',
  'summary.weak': 'to discuss',
  'summary.violations': 'Rules broken most often (first attempts)',
  'summary.noViolations': 'No rule was broken.',
  'summary.students': 'students: {n}',

  'severity.critical': 'critical',
  'severity.major': 'major',
  'severity.minor': 'minor',

  'chart.numbers': 'Show the numbers',
  'chart.range': 'Score',
  'chart.students': 'Students',

  'summary.notHandedIn': 'Not handed in: {n}.',
};

export const zh: Record<keyof typeof en, string> = {
  'summary.title': '全班概况',
  'summary.passedAll': '{of} 名学生中有 {n} 名通过了全部案例（{pct}%）。',
  'summary.passRate': '通过率：{of} 名学生中 {n} 名通过（{pct}%）。',
  'summary.noResults': '这个案例还没有可计分的成绩。',
  'summary.satisfaction': '满意度（计分的那次作答）',
  'summary.compliance': '合规分（计分的那次作答）',
  'summary.decisions': '全班的选择',
  'summary.decisions.help': '统计第一次作答中，每个需要回复买家的节点上各选项被选的次数。标为“待讨论”的回复违反了规则或让买家不满。',
  'summary.reached': '{n} 名学生走到这里。',
  'summary.count': '{n}（{pct}%）',
  'summary.real': '真实卖家',
  'summary.model': '示范回复',
  'summary.weak': '待讨论',
  'summary.violations': '最常违反的规则（第一次作答）',
  'summary.noViolations': '没有违反任何规则。',
  'summary.students': '{n} 名学生',

  'severity.critical': '严重',
  'severity.major': '重要',
  'severity.minor': '轻微',

  'chart.numbers': '显示数据',
  'chart.range': '分数',
  'chart.students': '学生数',

  'summary.notHandedIn': '未提交：{n} 人。',
};
