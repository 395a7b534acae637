/**
 * The case a new author starts from in the studio: the guide's minimal template (scenarios/README.md
 * §16) grown just enough to show every idea once — a narration-only step, a flag set and tested,
 * a conditional reply, a `go to` reaction, a broken rule that pleases the buyer more than the best
 * reply, a hint at every decision point, three endings and the real seller's path.
 * It passes the checker with no diagnostic at all (a unit test keeps it that way).
 */
export const TEMPLATE = `---
id: my-case
title: {zh: 包裹迟迟未到, en: The parcel is late}
platform: AliExpress
rulebook: aliexpress
dispute type: {zh: 未收到货, en: Item not received}
difficulty: 1
minutes: 5
order:
  number: "10001"
  item: {zh: 手机壳, en: Phone case}
  amount: 12.00
  currency: USD
  created: 2024-03-01
  status: {zh: 已发货, en: Shipped}
  dispute reason: {zh: 未收到货, en: Item not received}
customer: {name: Rafael}
seller: {name: Li}
start: first-message
satisfaction: 35
rules:
  - P-EARLY-CONFIRM
  - P-TRUTHFUL
  - P-RESPECT
---

# Briefing

你是速卖通店铺的客服 Li。买家 Rafael 说包裹还没有到。先弄清楚包裹在哪里，再给他一个可靠的答复。

# Briefing en

You are Li, customer service for an AliExpress shop. The buyer, Rafael, says his parcel hasn't arrived. Find out where it is, then give him an answer he can rely on.

# Dialogue

## first-message

> Hi, my order still hasn't arrived. Where is it?

- gloss: 你好，我的订单还没到。包裹在哪里？
- hint: 货还没到。想想平台规则什么时候才允许请买家确认收货。
- hint en: The goods have not arrived. Think about when the rules let you ask the buyer to confirm receipt.

1. I'm sorry for the wait, Rafael. Let me check the tracking for you right now.
   - next: tracking
   - satisfaction: +10
   - set: apologised
   - real: yes
   - feedback: 先道歉，再马上去查物流。
   - feedback en: Apologise first, then check the tracking straight away.
2. No worries at all! Just confirm receipt now and I'll send you a brand-new one today, free of charge.
   - next: tracking
   - satisfaction: +15
   - breaks: P-EARLY-CONFIRM
   - feedback: 违反 P-EARLY-CONFIRM：买家听了很高兴，但货还没到，就要求买家确认收货。
   - feedback en: Breaks P-EARLY-CONFIRM: you ask for confirmation of receipt before the goods have arrived.

## tracking

- go to: escalated if satisfaction < 30

*你查到物流信息：包裹 3 月 20 日到达巴西，目前正在清关。*

- hint: 对照你刚查到的物流信息。
- hint en: Compare each reply with the tracking you have just found.

1. Your parcel reached Brazil on March 20 and is now in customs, which usually takes about a week. I'll keep an eye on it for you.
   - next: waiting
   - satisfaction: +20
   - follows: P-TRUTHFUL
   - real: yes
   - feedback: 如实说明包裹在哪里、大概还要多久，并主动跟进。
   - feedback en: Says truthfully where the parcel is and roughly how long it will take, and offers to follow it up.
2. It has already been delivered. Please ask your neighbours.
   - next: escalated
   - satisfaction: -20
   - breaks: P-TRUTHFUL
   - feedback: 违反 P-TRUTHFUL：物流显示包裹还在清关，不能说已经送达。
   - feedback en: Breaks P-TRUTHFUL: the tracking shows the parcel is still in customs, so it has not been delivered.

## waiting

> OK. And what if it never arrives?

- gloss: 好吧。那要是一直不到怎么办？
- hint: 买家要的是一个能兑现的承诺：期限和补救办法。
- hint en: The buyer wants a promise you can keep: a date and a remedy.

1. If it hasn't arrived by March 30, we will refund you in full. I'll message you as soon as the status changes.
   - if: apologised
   - next: solved
   - satisfaction: +15
   - real: yes
   - feedback: 给出明确的期限和补救办法。
   - feedback en: Gives a clear date and a clear remedy.
2. I'm sorry again about the trouble at the start. If it hasn't arrived by March 30, we will refund you in full.
   - if: not apologised
   - next: solved
   - satisfaction: +15
   - feedback: 前面没有道歉，这里补上，再给出期限和补救办法。
   - feedback en: Makes up for the missing apology, then gives a date and a remedy.
3. Customs is not our problem. Ask the post office.
   - next: lost
   - satisfaction: -25
   - breaks: P-RESPECT
   - feedback: 违反 P-RESPECT：把责任推给海关和邮局，买家只会更不满。
   - feedback en: Breaks P-RESPECT: pushing the blame onto customs and the post office only makes the buyer angrier.

# Endings

## solved

> Thank you, that's clear. I'll wait.

- result: resolved
- real: yes
- outcome: 买家同意等待，纠纷没有升级。
- outcome en: The buyer agreed to wait; the dispute was not escalated.

## escalated

> I don't believe you. I'm asking AliExpress to step in.

- result: escalated
- outcome: 买家把纠纷升级到了平台。
- outcome en: The buyer escalated the dispute to AliExpress.

## lost

> Unbelievable. I will never buy from this shop again.

- result: lost
- outcome: 买家不再信任这家店。
- outcome en: The buyer no longer trusts the shop.

# Analysis

好的答复先道歉，再说明事实（包裹正在清关），最后给出明确的期限和补救办法。

# Analysis en

A good answer apologises, states the facts (the parcel is in customs), then gives a clear date and remedy.
`;
