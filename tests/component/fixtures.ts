/**
 * Small hand-made cases and results for component tests: already "rendered" (prose is HTML), as the
 * player receives them from `virtual:cases`.
 */
import type { Case, CaseNode, Reply } from '../../src/case/types.ts';
import type { Result, Step } from '../../src/engine/types.ts';

const at = { line: 1, column: 1 };

function reply(id: string, text: string, extra: Partial<Reply> = {}): Reply {
  return {
    id,
    text: `<p>${text}</p>`,
    next: 'end',
    satisfaction: 0,
    follows: [],
    breaks: [],
    feedback: { zh: `<p>${id} 的点评</p>`, en: `<p>Feedback on ${id}</p>` },
    set: [],
    unset: [],
    real: false,
    at,
    ...extra,
  };
}

function node(id: string, message: string, replies: Reply[], extra: Partial<CaseNode> = {}): CaseNode {
  return { id, message: `<p>${message}</p>`, redirects: [], replies, at, ...extra };
}

export const mugCase: Case = {
  id: 'broken-mug',
  version: '1',
  title: { zh: '杯子碎了', en: 'The broken mug' },
  platform: 'TestMart',
  rulebook: 'test',
  lang: 'zh',
  disputeType: { zh: '货物破损', en: 'Damaged item' },
  difficulty: 2,
  minutes: 5,
  order: {
    number: 'A-1',
    item: { zh: '蓝色马克杯', en: 'Blue mug' },
    total: { amount: 2000, currency: 'USD' },
    created: '2024-03-01',
    status: { zh: '已发货', en: 'Shipped' },
    disputeReason: { zh: '货物破损', en: 'Item damaged' },
  },
  customer: { name: 'Ana', country: { zh: '葡萄牙', en: 'Portugal' } },
  seller: { name: 'LI' },
  start: 'opening',
  startSatisfaction: 40,
  pass: { minSatisfaction: 60, minCompliance: 80, criticalFails: true },
  objectives: ['P-OFFPLATFORM'],
  phrases: [{ en: "I'm so sorry.", zh: '非常抱歉。' }],
  briefing: { zh: '<p>你是卖家 LI。</p>' },
  analysis: { zh: '<p>先道歉，再在平台内解决。</p>', en: '<p>Apologise, then settle it on the platform.</p>' },
  nodes: {
    opening: node(
      'opening',
      'My mug arrived broken.',
      [
        reply('opening.1', 'I am so sorry. Could you send a photo?', { next: 'photo', satisfaction: 15, real: true }),
        reply('opening.2', 'Pay me on PayPal and I will refund you there.', {
          next: 'photo',
          satisfaction: 10,
          breaks: ['P-OFFPLATFORM'],
        }),
      ],
      { time: '2024-03-05T10:00', gloss: '<p>我的杯子碎了。</p>' },
    ),
    photo: node('photo', 'Here is the photo.', [
      reply('photo.1', 'Thank you. We will refund you through the dispute.', { satisfaction: 25, real: true }),
      reply('photo.2', 'Sorry, nothing we can do.', { satisfaction: -30 }),
    ]),
  },
  endings: {
    end: {
      id: 'end',
      message: '<p>Thanks!</p>',
      result: 'resolved',
      outcome: { zh: '全额退款 USD 20.00，由卖家出资', en: 'Full refund of USD 20.00, paid by the seller' },
      refund: { amount: 2000, currency: 'USD' },
      paidBy: 'seller',
      real: true,
      at,
    },
  },
  rules: {
    'P-OFFPLATFORM': {
      id: 'P-OFFPLATFORM',
      severity: 'critical',
      text: { zh: '不得在平台外付款或退款。', en: 'Never pay or refund outside the platform.' },
      source: 'https://example.com/rules ; https://example.org/help',
      asOf: '2020-08-25',
    },
  },
  penalties: { critical: 50, major: 20, minor: 10 },
};

function step(turn: number, nodeId: string, replyId: string, delta: number, after: number, broke = false): Step {
  return {
    turn,
    node: nodeId,
    reply: replyId,
    delta,
    satisfactionAfter: after,
    violations: broke
      ? [{ rule: 'P-OFFPLATFORM', severity: 'critical', turn, node: nodeId, reply: replyId }]
      : [],
    redirectedVia: [],
  };
}

/** The learner paid off-platform on turn 1, then took the real reply: a happy buyer, a failed attempt. */
export const failedResult: Result = {
  caseId: 'broken-mug',
  caseVersion: '1',
  ending: 'end',
  result: 'resolved',
  outcome: mugCase.endings.end.outcome,
  refund: { amount: 2000, currency: 'USD' },
  paidBy: 'seller',
  satisfaction: 75,
  mood: 'pleased',
  compliance: 50,
  violations: [{ rule: 'P-OFFPLATFORM', severity: 'critical', turn: 1, node: 'opening', reply: 'opening.2' }],
  passed: false,
  failedBecause: [
    { kind: 'critical', rules: ['P-OFFPLATFORM'] },
    { kind: 'compliance', value: 50, min: 80 },
  ],
  path: [step(1, 'opening', 'opening.2', 10, 50, true), step(2, 'photo', 'photo.1', 25, 75)],
  followedRealPath: false,
};

export const realPathOfMug = [
  { node: 'opening', reply: 'opening.1' },
  { node: 'photo', reply: 'photo.1' },
];

/** The real seller's path through the mug case: passing, compliance 100. */
export const passedResult: Result = {
  ...failedResult,
  satisfaction: 80,
  mood: 'delighted',
  compliance: 100,
  violations: [],
  passed: true,
  failedBecause: [],
  path: [step(1, 'opening', 'opening.1', 15, 55), step(2, 'photo', 'photo.1', 25, 80)],
  followedRealPath: true,
};
