/**
 * Checks on the case's texts as a whole, once every node is read:
 * - a text in one language where the case gives that kind of text in both (feedback without
 *   `feedback en`, a buyer message without `gloss`, or the reverse): a learner reading in the other
 *   language gets nothing there;
 * - a key phrase that no reply says, which the debrief could never tick.
 */
import type { Reporter } from './diagnostics.ts';
import type { NodeRead } from './entries.ts';
import { valueAt } from './fields.ts';
import type { Meta } from './meta.ts';
import { plainText, says } from './phrases.ts';
import type { CaseNode, Lang } from './types.ts';

const LANG = { zh: { zh: '中文', en: 'Chinese' }, en: { zh: '英文', en: 'English' } } as const;

/** More than half of a kind of text in both languages: the case promises both for all of it. */
const promised = (both: number, all: number) => both * 2 > all;

/** `nodes` in the order they were read. */
export function checkTexts(meta: Meta, nodes: readonly NodeRead[], lang: Lang, report: Reporter): void {
  checkFeedback(nodes, lang, report);
  checkGlosses(nodes.map((n) => n.node), lang, report);
  checkPhrases(meta, nodes.map((n) => n.node), report);
}

/** The language a text is given in, when it is given in one only. */
function onlyIn(text: { zh?: string; en?: string }): Lang | undefined {
  if (text.zh && !text.en) return 'zh';
  if (text.en && !text.zh) return 'en';
  return undefined;
}

function checkFeedback(nodes: readonly NodeRead[], lang: Lang, report: Reporter): void {
  const given = nodes.flatMap((n) => n.replies).filter(({ reply: r }) => r.feedback.zh || r.feedback.en);
  const both = given.filter(({ reply: r }) => r.feedback.zh && r.feedback.en).length;
  if (!promised(both, given.length)) return;
  for (const { reply, syntax } of given) {
    const has = onlyIn(reply.feedback);
    if (!has) continue;
    const missing = has === 'zh' ? 'en' : 'zh';
    const at = valueAt(syntax.keys, 'feedback') ?? reply.at;
    report.report('TEXT_ONE_LANGUAGE', at.line, at.column, { what: '点评', whatEn: 'feedback', has: LANG[has].zh, hasEn: LANG[has].en }, {
      zh: `加一行 - feedback${missing === lang ? '' : ` ${missing}`}: …（${LANG[missing].zh}）。`,
      en: `Add a line - feedback${missing === lang ? '' : ` ${missing}`}: … in ${LANG[missing].en}.`,
    });
  }
}

function checkGlosses(nodes: readonly CaseNode[], lang: Lang, report: Reporter): void {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const messages = nodes.filter((n) => n.message);
  const glossed = messages.filter((n) => n.gloss).length;
  for (const node of nodes)
    if (node.gloss && !node.message)
      report.report('TEXT_ONE_LANGUAGE', node.at.line, node.at.column, { what: '译文（gloss）', whatEn: 'gloss', has: LANG[other].zh, hasEn: LANG[other].en, alone: 1 }, {
        zh: '在这个节点下用 > 写买家的英文原话，或删掉 gloss。',
        en: 'Write the buyer’s words after > in this node, or remove the gloss.',
      });
    else if (node.message && !node.gloss && promised(glossed, messages.length))
      report.report('TEXT_ONE_LANGUAGE', node.at.line, node.at.column, { what: '买家消息', whatEn: 'customer message', has: '英文', hasEn: 'English' }, {
        zh: '在节点下加一行 - gloss: 买家这段话的中文译文。',
        en: 'Add a line - gloss: with the Chinese translation of the message.',
      });
}

function checkPhrases(meta: Meta, nodes: readonly CaseNode[], report: Reporter): void {
  if (!meta.phrases.length) return;
  const said = nodes.map((n) => n.replies.map((r) => plainText(r.text)).join(' \n ')).join(' \n ');
  for (const { phrase, at } of meta.phrases) {
    if (says(said, phrase.en)) continue;
    report.report('PHRASE_NEVER_SAID', at.line, at.column, { phrase: phrase.en }, {
      zh: '让某条（最好是好的）回复一字不差地包含这句话，或把它从 phrases 中删掉。大小写、弯引号和句末标点不影响匹配。',
      en: 'Have a reply (a good one) contain these exact words, or remove the phrase. Case, curly quotes and the closing punctuation do not matter.',
    });
  }
}
