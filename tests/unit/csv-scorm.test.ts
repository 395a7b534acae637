/** The class CSV (Excel, Chinese names, quoting) and the SCORM package's manifest and reported values. */
import { describe, expect, it } from 'vitest';
import { classCsv, studentsCsv, toCsv, type CsvLabels } from '../../src/assignment/csv.ts';
import { bestReply, duration2004, interactionValues, launchPage, manifest, objectiveValues, overall, statusValues, timespan12 } from '../../src/assignment/scorm.ts';
import { attemptsOf } from '../../src/assignment/dedupe.ts';
import { buildTable } from '../../src/assignment/summary.ts';
import { assignmentOf, attempt, c, cases, resultFile } from './fixtures/results.ts';
import { get } from '../fixtures/present.ts';

const assignment = assignmentOf({ className: '跨境 2班', title: 'Mug, "broken"' });
const student = { name: '张三', number: '2023001' };

describe('CSV', () => {
  it('starts with a BOM, ends lines with CRLF, quotes commas, quotes and line breaks', () => {
    const csv = toCsv([
      ['名字', 'a,b', 'say "hi"', 'two\nlines', 3, true, null],
      ['=SUM(A1)', '-1', '+86 123', '@x', -5],
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('名字,"a,b","say ""hi""","two\nlines",3,TRUE,\r\n\'=SUM(A1),\'-1,\'+86 123,\'@x,-5\r\n');
    // UTF-8 bytes: Excel sees EF BB BF first.
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('has a row per student and case with the recomputed scores, in the labels given', () => {
    // Five minutes from 02:00.
    const file = resultFile(assignment, student, 1, '2026-11-21T02:00:00Z', 300);
    const rows = buildTable(assignment, attemptsOf(file, 'a.json', 'now'), cases);
    const labels: CsvLabels = {
      headers: { className: '班级', assignment: '作业', name: '姓名', number: '学号', caseId: '案例编号', caseTitle: '案例', attempts: '次数', satisfaction: '满意度', compliance: '合规分', passed: '通过', minutes: '用时（分钟）', finished: '完成时间', late: '迟交', flags: '标记', handedIn: '已提交', casesPassed: '通过数', passedAll: '全部通过', score: '得分', listName: '名单姓名' },
      yes: '是',
      no: '否',
      caseTitle: () => '破损的杯子',
      flag: (f) => f,
      rowFlag: (f) => f,
      notHandedIn: '未提交',
      inProgress: '进行中',
      time: (iso) => iso.replace('T', ' ').slice(0, 16),
    };
    const lines = classCsv(assignment, rows, labels).slice(1).split('\r\n');
    expect(lines[0]).toBe('班级,作业,姓名,学号,案例编号,案例,次数,满意度,合规分,通过,用时（分钟）,完成时间,迟交,标记');
    expect(lines[1]).toBe(`跨境 2班,"Mug, ""broken""",张三,"=""2023001""",${c.id},破损的杯子,1,80,100,是,5,2026-11-21 02:05,否,`);
    expect(lines[2]).toBe('');
    // One row per student too, with everyone on the class list.
    const listed = buildTable(assignment, attemptsOf(file, 'a.json', 'now'), cases, [{ number: '02023003', name: '王五' }, { number: '2023001', name: '张三' }]);
    const students = studentsCsv(assignment, listed, labels).slice(1).split('\r\n');
    expect(students[0]).toBe('班级,作业,姓名,学号,名单姓名,已提交,通过数,全部通过,得分,标记');
    expect(students[1]).toBe('跨境 2班,"Mug, ""broken""",张三,"=""2023001""",张三,是,1,是,90,');
    expect(students[2]).toBe('跨境 2班,"Mug, ""broken""",王五,"=""02023003""",王五,否,0,否,,未提交');
  });

  it('neutralises formula starts after a ; or a tab too, and quotes such cells', () => {
    const csv = toCsv([['a;=1+1', 'b\t@SUM(A1)', 'ok; fine', { text: '007' }, { text: 'x"y' }]]);
    expect(csv.slice(1)).toBe(`"a;'=1+1","b\t'@SUM(A1)","ok; fine","=""007""","=""x""""y"""\r\n`);
  });
});

describe('SCORM', () => {
  it('writes a 1.2 and a 2004 manifest listing every file once, with the title escaped', () => {
    const m12 = manifest('1.2', { id: 'asg1', title: 'A & <B>', files: ['index.html', 'assets/a.js', 'lms.html'] });
    expect(m12).toContain('<schemaversion>1.2</schemaversion>');
    expect(m12).toContain('adlcp:scormtype="sco" href="lms.html"');
    expect(m12).toContain('<title>A &#38; &#60;B&#62;</title>');
    expect(m12.match(/<file href="lms.html"\/>/g)).toHaveLength(1);
    expect(m12).toContain('<file href="assets/a.js"/>');
    const m04 = manifest('2004', { id: 'asg1', title: 'T', files: ['index.html'] });
    expect(m04).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect(m04).toContain('adlcp:scormType="sco"');
  });

  it('launches the player with the assignment and the API to use', () => {
    expect(launchPage('1.2', 'DDA1.abc_-', 'T')).toContain('location.replace("index.html?lms=scorm12#/a/DDA1.abc_-")');
    expect(() => launchPage('2004', 'x"<script>', 'T')).toThrow();
  });

  it('formats times as each version wants them', () => {
    expect(timespan12(3725)).toBe('0001:02:05');
    expect(duration2004(3725)).toBe('PT1H2M5S');
    expect(duration2004(0)).toBe('PT0S');
    expect(duration2004(120)).toBe('PT2M');
  });

  it('reports the score, the status and each reply as an interaction', () => {
    // Answered after a minute and a half.
    const { record, result } = attempt(assignment, student, ['opening.2'], { seconds: 90 });
    const o = overall([{ caseId: c.id, result }, { caseId: 'other' }]);
    expect(o).toEqual({ score: Math.round((result.satisfaction + result.compliance) / 2 / 2), done: false, passed: false });
    expect(statusValues('1.2', o)).toContainEqual(['cmi.core.lesson_status', 'incomplete']);
    expect(statusValues('1.2', o)).toContainEqual(['cmi.core.exit', 'suspend']);
    // What the LMS already holds is never lowered.
    expect(statusValues('1.2', o, { score: 95 })).toContainEqual(['cmi.core.score.raw', '95']);
    expect(statusValues('2004', overall([{ caseId: c.id, result }]), { score: 95, passed: true })).toEqual(
      expect.arrayContaining([['cmi.score.raw', '95'], ['cmi.success_status', 'passed'], ['cmi.exit', 'normal']]),
    );
    const done = overall([{ caseId: c.id, result }]);
    expect(statusValues('1.2', done)).toContainEqual(['cmi.core.lesson_status', 'failed']);
    expect(statusValues('2004', done)).toEqual(expect.arrayContaining([['cmi.success_status', 'failed'], ['cmi.completion_status', 'completed'], ['cmi.score.scaled', '0.5']]));
    const best = bestReply(get(c.nodes, 'opening'))!.id;
    expect(best).not.toBe('opening.2');
    expect(interactionValues('1.2', c, record, result, () => 3)).toEqual([
      ['cmi.interactions.3.id', `${c.id}.opening`],
      ['cmi.interactions.3.type', 'choice'],
      ['cmi.interactions.3.time', '02:01:30'],
      ['cmi.interactions.3.correct_responses.0.pattern', best],
      ['cmi.interactions.3.student_response', 'opening.2'],
      ['cmi.interactions.3.result', 'wrong'],
      ['cmi.interactions.3.latency', '0000:01:30'],
    ]);
    const v2004 = interactionValues('2004', c, record, result, () => 0);
    expect(v2004).toContainEqual(['cmi.interactions.0.result', 'incorrect']);
    expect(v2004.find(([k]) => k.endsWith('.description'))![1]).toMatch(/→ opening\.2: /);
    expect(objectiveValues('1.2', [{ caseId: c.id, result }, { caseId: 'b' }], new Set(['b']))).toEqual([
      ['cmi.objectives.0.id', c.id],
      ['cmi.objectives.0.score.min', '0'],
      ['cmi.objectives.0.score.max', '100'],
      ['cmi.objectives.0.score.raw', String(Math.round((result.satisfaction + result.compliance) / 2))],
      ['cmi.objectives.0.status', 'failed'],
      ['cmi.objectives.1.id', 'b'],
      ['cmi.objectives.1.status', 'incomplete'],
    ]);
  });
});
