/**
 * What a reply or an attempt came to — the feedback after a reply, rule severities and sources,
 * endings, scores — in English and Chinese. Loaded with the first component that shows one
 * (feedback, debrief, attempt list), so neither the playing page nor the library downloads them
 * before they are needed. The Chinese table must have exactly the English keys.
 */
import { dictionary } from '../i18n.ts';

const en = {
  'feedback.title': 'Feedback on your reply',
  'feedback.delta': 'Satisfaction {delta}, now {n}',
  'feedback.broke': 'Rule broken',
  'feedback.followed': 'Rules followed',
  'feedback.passLost': 'No pass is possible from here: whatever you reply next, this attempt cannot pass. Finish it to see why, or start over.',
  'feedback.continue': 'Continue',
  'severity.critical': 'critical',
  'severity.major': 'major',
  'severity.minor': 'minor',
  'rule.kind.platform': '{platform} rule',
  'rule.kind.course': 'Course standard',
  'debrief.source': 'Source',
  'debrief.asOf': 'as of {date}',
  'debrief.undatedConsulted': 'undated; consulted {date}',
  'debrief.asOfMissing': 'date not given',
  'result.resolved': 'Resolved',
  'result.escalated': 'Escalated to the platform',
  'result.lost': 'Customer lost',
  'result.cancelled': 'Order cancelled',
  'result.failed': 'Failed',
  'meter.satisfaction': 'Buyer satisfaction',
  'meter.compliance': 'Policy compliance',
};

const zh: Record<keyof typeof en, string> = {
  'feedback.title': '对你的回复的点评',
  'feedback.delta': '满意度 {delta}，现在为 {n}',
  'feedback.broke': '违反规则',
  'feedback.followed': '遵守的规则',
  'feedback.passLost': '从这里起已不可能通过：无论接下来怎么回复，这次练习都无法通过。可以继续完成以了解原因，或重新开始。',
  'feedback.continue': '继续',
  'severity.critical': '严重',
  'severity.major': '重要',
  'severity.minor': '轻微',
  'rule.kind.platform': '{platform} 平台规则',
  'rule.kind.course': '课程标准',
  'debrief.source': '来源',
  'debrief.asOf': '截至 {date}',
  'debrief.undatedConsulted': '未注明日期；{date}查阅',
  'debrief.asOfMissing': '未注明日期',
  'result.resolved': '已解决',
  'result.escalated': '升级至平台裁决',
  'result.lost': '客户流失',
  'result.cancelled': '订单取消',
  'result.failed': '处理失败',
  'meter.satisfaction': '买家满意度',
  'meter.compliance': '合规分',
};

export const tOutcome = dictionary(en, zh);
