/**
 * The command-line checker (`npm run validate`, `npm run paths`) on files anywhere, and the checks
 * that go with it: rulebooks found beside the file, in the project or with --rulebooks; a missing
 * one named with the places looked in; `--json` that is only JSON under `npm run -s`; `--lang zh`
 * in Chinese throughout; and the dev server's compile that sets broken files aside. One test goes
 * through npm as an author types it; the others call the commands in this process, which is the
 * same code without the seconds each npm start costs.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileCases } from '../../src/build/compile-cases.ts';
import { checkCase } from '../../src/engine/check.ts';
import { parseRulebook } from '../../src/case/rulebook.ts';
import { LEAK_CODES } from '../../src/engine/leaks.ts';
import { pathsCommand } from '../../scripts/lib/paths.ts';
import { validateCommand } from '../../scripts/lib/validate.ts';
import { runInProcess } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VALID = readFileSync(join(ROOT, 'tests/fixtures/cases/valid.md'), 'utf8');
// The template checks clean on the project's AliExpress rulebook, answer-leak warnings included.
const ON_ALIEXPRESS = readFileSync(join(ROOT, 'scenarios/_template.md'), 'utf8');
/** The valid fixture shows the format, not a well-taught case: its answer-leak warnings are set aside here. */
const notLeak = (code: string) => !LEAK_CODES.has(code);
const away = mkdtempSync(join(tmpdir(), 'dispute-desk-away-'));
afterAll(() => rmSync(away, { recursive: true, force: true }));

const validate = (...argv: string[]) => runInProcess(validateCommand, argv);

describe('validate on a file outside scenarios/', () => {
  const file = join(away, 'my-case.md');
  writeFileSync(file, ON_ALIEXPRESS);

  it('finds the project rulebooks and checks clean', () => {
    const r = validate(file);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('prints only JSON with --json under npm run -s, and says where it looked for a missing rulebook', () => {
    const missing = join(away, 'missing.md');
    writeFileSync(missing, VALID.replace('rulebook: test', 'rulebook: acme'));
    const r = spawnSync('npm', ['run', '-s', 'validate', '--', missing, '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.diagnostics.map((d: { code: string }) => d.code)).toEqual(['RULEBOOK_NOT_FOUND']);
    expect(out.diagnostics[0].message.en).toContain('looked in: scenarios/rulebooks/');
  });

  it('uses the rulebooks/ beside the file, or the folder given with --rulebooks', () => {
    const own = join(away, 'own');
    mkdirSync(join(own, 'rulebooks'), { recursive: true });
    copyFileSync(join(ROOT, 'tests/fixtures/cases/rulebooks/test.md'), join(own, 'rulebooks', 'test.md'));
    writeFileSync(join(own, 'case.md'), VALID);
    expect(validate(join(own, 'case.md')).status).toBe(0);
    writeFileSync(join(away, 'elsewhere.md'), VALID);
    expect(validate(join(away, 'elsewhere.md')).status).toBe(1);
    expect(validate(join(away, 'elsewhere.md'), '--rulebooks', join(own, 'rulebooks')).status).toBe(0);
  });

  it('paths works on it too, and prints Chinese with --lang zh', () => {
    const r = runInProcess(pathsCommand, [file, '--lang', 'zh']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('最佳路径');
  });
});

describe('--lang zh', () => {
  it('is Chinese throughout, YAML parser messages included', () => {
    const file = join(away, 'broken-yaml.md');
    writeFileSync(file, VALID.replace('platform: TestMart', 'platform: "TestMart').replace('\tx', ''));
    const r = validate(file, '--lang', 'zh', '--rulebooks', join(ROOT, 'tests/fixtures/cases/rulebooks'));
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/:4:11: 错误 FRONT_MATTER_INVALID 前置元数据的 YAML 有误：缺少结束的引号或括号。$/);
    // Apart from the file name and the code, no English words.
    for (const line of lines) expect(line.replace(file, '').replace(/[A-Z_]{5,}/, '').replace('YAML', ''), line).not.toMatch(/[a-z]{3,}/i);
  });
});

describe('the dev server compile', () => {
  it('sets a broken file aside with its diagnostics and serves the rest; warnings do not block', () => {
    const site = join(away, 'site');
    mkdirSync(join(site, 'scenarios', 'rulebooks'), { recursive: true });
    copyFileSync(join(ROOT, 'tests/fixtures/cases/rulebooks/test.md'), join(site, 'scenarios', 'rulebooks', 'test.md'));
    writeFileSync(join(site, 'scenarios', 'good.md'), VALID);
    writeFileSync(join(site, 'scenarios', 'warned.md'), readFileSync(join(ROOT, 'tests/fixtures/diagnostics/PHRASE_NEVER_SAID.md'), 'utf8').replace('id: valid-case', 'id: warned'));
    writeFileSync(join(site, 'scenarios', 'broken.md'), VALID.replace('id: valid-case', 'id: broken').replace('   - next: photo\n', '   - next: phto\n'));
    writeFileSync(join(site, 'scenarios', 'twin.md'), VALID);
    const out = compileCases('scenarios', site, { strict: false });
    expect([...out.cases.keys()]).toEqual(['valid-case', 'warned']);
    expect(out.problems.map((p) => [p.file, p.diagnostics.map((d) => d.code).filter(notLeak)])).toEqual([
      ['scenarios/broken.md', ['TARGET_NOT_FOUND']],
      ['scenarios/twin.md', ['DUPLICATE_ID']],
    ]);
    expect(out.warnings.map((d) => d.code).filter(notLeak)).toEqual(['PHRASE_NEVER_SAID']);
    // The build still refuses the broken file, naming file and line.
    expect(() => compileCases('scenarios', site)).toThrow(/scenarios\/broken\.md:35:12: error TARGET_NOT_FOUND/);
  });
});

describe('one language where the case promises both', () => {
  const rulebooks = { test: parseRulebook(readFileSync(join(ROOT, 'tests/fixtures/cases/rulebooks/test.md'), 'utf8')).value! };
  const codes = (source: string) =>
    checkCase(source, { rulebooks })
      .diagnostics.filter((d) => notLeak(d.code))
      .map((d) => `${d.code} ${d.line}`);

  it('warns about feedback without its English once most feedback has both', () => {
    const lines = VALID.split('\n');
    // Give every reply but one English feedback: the one left is reported at its feedback line.
    const out: string[] = [];
    let left = -1;
    lines.forEach((l, i) => {
      out.push(l);
      if (/^ {3}- feedback: /.test(l) && !/^ {3}- feedback en:/.test(lines[i + 1] ?? '')) {
        if (left < 0 && i > 60) left = out.length;
        else out.push('   - feedback en: In English.');
      }
    });
    expect(codes(out.join('\n'))).toEqual([`TEXT_ONE_LANGUAGE ${left}`]);
  });

  it('warns about a gloss on a node with no customer message, whatever the rest does', () => {
    const source = VALID.replace('## angry\n', '## angry\n- gloss: 这不可以接受。\n').replace('> This is not acceptable.\n', 'The buyer is silent.\n');
    expect(codes(source)).toEqual(['TEXT_ONE_LANGUAGE 67']);
  });
});

describe('a typical first draft', () => {
  it('has every mistake reported at its own line, in one run', () => {
    const template = readFileSync(join(ROOT, 'scenarios/_template.md'), 'utf8');
    const aliexpress = parseRulebook(readFileSync(join(ROOT, 'scenarios/rulebooks/aliexpress.md'), 'utf8')).value!;
    const mistakes: [string, string, string][] = [
      ['title: {zh: 包裹迟迟未到, en: The parcel is late}', 'title: The parcel: late', 'FRONT_MATTER_INVALID'],
      ['satisfaction: 35\n', 'satisfaction: 135\n', 'FIELD_INVALID'],
      ['   - next: waiting\n', '   - next: wating\n', 'TARGET_NOT_FOUND'],
      ['   - breaks: P-EARLY-CONFIRM\n', '   - breaks: P-EARLY-CONFRIM\n', 'RULE_NOT_FOUND'],
      ['   - if: apologised\n', '   - if: apologized\n', 'FLAG_NEVER_SET'],
      ['   - satisfaction: +15\n', '   - satisfaction: +150\n', 'SATISFACTION_OUT_OF_RANGE'],
      ['   - feedback en: Gives a clear date', '   - feedbackk en: Gives a clear date', 'UNKNOWN_KEY'],
    ];
    let draft = template;
    const expected: string[] = [];
    for (const [from, to, code] of mistakes) {
      expect(draft, from).toContain(from);
      draft = draft.replace(from, to);
      const line = draft.slice(0, draft.indexOf(to)).split('\n').length;
      expected.push(`${code} ${line}`);
    }
    const found = checkCase(draft, { rulebooks: { aliexpress } }).diagnostics.map((d) => `${d.code} ${d.line}`);
    expect(found.sort()).toEqual(expected.sort());
  });
});
