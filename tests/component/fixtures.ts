/**
 * The case and results component tests show: a small case written as a Markdown file, checked and
 * rendered as the build does for the shipped ones (so its prose is sanitised HTML, as the player
 * receives it from `virtual:cases`), and results of playing it with the engine, as the player
 * produces them.
 */
import { readFileSync } from 'node:fs';
import DOMPurify from 'dompurify';
import { renderCase } from '../../src/case/render.ts';
import { parseRulebook } from '../../src/case/rulebook.ts';
import { createSanitizer } from '../../src/case/sanitize.ts';
import type { Case } from '../../src/case/types.ts';
import { checkCase } from '../../src/engine/check.ts';
import { replay, resultOf } from '../../src/engine/conversation.ts';
import type { Result } from '../../src/engine/types.ts';

const DIR = 'tests/fixtures/debrief';

function compiledMug(): Case {
  const rulebook = parseRulebook(readFileSync(`${DIR}/rulebooks/mug-rules.md`, 'utf8'), 'mug-rules.md').value;
  const checked = checkCase(readFileSync(`${DIR}/broken-mug.md`, 'utf8'), { file: 'broken-mug.md', rulebooks: rulebook ? { [rulebook.id]: rulebook } : {} });
  if (!checked.value) throw new Error(`${DIR}/broken-mug.md does not check: ${checked.diagnostics.map((d) => d.code).join(', ')}`);
  return renderCase(checked.value, createSanitizer(DOMPurify(window)));
}

export const mugCase: Case = compiledMug();

/** The result of playing `replies` through the mug case with the engine. */
export function played(replies: string[]): Result {
  const attempt = replay(mugCase, replies);
  if (!attempt?.ended) throw new Error(`the replies ${replies.join(', ')} do not finish the mug case`);
  return resultOf(mugCase, attempt);
}

/** The learner paid off-platform on turn 1, then took the real reply: a happy buyer, a failed attempt. */
export const failedResult: Result = played(['opening.2', 'photo.1']);

export const realPathOfMug = [
  { node: 'opening', reply: 'opening.1' },
  { node: 'photo', reply: 'photo.1' },
];

/** The real seller's path through the mug case: passing, compliance 100. */
export const passedResult: Result = played(realPathOfMug.map((s) => s.reply));
