import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadContent } from '../../src/content/load.ts';
import { rubricSchema } from '../../src/content/schemas.ts';
import { ASSESSED_WORK, defaultRubricFor, rubricDefaultProblems, rubricTotal, type Rubric } from '../../src/domain/mentoring/index.ts';

const both = (en: string) => ({ en, cy: `${en} (cy)` });
const scored = (id: string, score: number) => ({ id, score, descriptor: both(`Level ${id}.`) });
const ranged = (id: string, low: number, high: number) => ({ id, range: [low, high], descriptor: both(`Level ${id}.`) });
const criterion = (id: string, levels: unknown[] = [scored('not-yet', 1), scored('developing', 2), scored('secure', 3)]) => ({ id, title: both(`Criterion ${id}`), levels });
const rubric = (over: Record<string, unknown> = {}) => ({
  id: 'threshold-reasoning',
  version: 1,
  title: both('Threshold reasoning'),
  description: both('For threshold exercises.'),
  workKinds: ['threshold'],
  defaultFor: ['vignette'],
  criteria: [criterion('evidence-cited'), criterion('decision')],
  ...over,
});
/** The messages the schema gives for a rubric, or [] when it accepts it. */
const refusals = (data: unknown) => {
  const parsed = rubricSchema.safeParse(data);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('a rubric file', () => {
  it('is accepted with 3 to 5 levels per criterion, each weighted 1 unless it says otherwise', () => {
    const parsed = rubricSchema.parse(rubric({ criteria: [criterion('evidence-cited'), { ...criterion('decision'), weight: 2 }] }));
    expect(parsed.criteria.map((c) => c.weight)).toEqual([1, 2]);
    expect(parsed.criteria[0]!.levels[0]).toEqual({ id: 'not-yet', score: 1, descriptor: both('Level not-yet.') });
  });

  it('may give a level a range the marker picks a score inside, and the domain totals it', () => {
    const parsed = rubricSchema.parse(rubric({ criteria: [criterion('globals', [ranged('low', 1, 2), ranged('middle', 3, 4), scored('high', 5)])] }));
    expect(parsed.criteria[0]!.levels[1]).toEqual({ id: 'middle', range: [3, 4], descriptor: both('Level middle.') });
    expect(rubricTotal(parsed, { globals: { level: 'middle', score: 4 } })).toMatchObject({ total: 4, max: 5, complete: true });
  });

  it('is refused with fewer than 3 or more than 5 levels in a criterion', () => {
    expect(refusals(rubric({ criteria: [criterion('decision', [scored('a', 1), scored('b', 2)])] }))).toContain('criteria.0.levels: a criterion has 3 to 5 levels');
    const six = [1, 2, 3, 4, 5, 6].map((n) => scored(`l${n}`, n));
    expect(refusals(rubric({ criteria: [criterion('decision', six)] }))).toContain('criteria.0.levels: a criterion has 3 to 5 levels');
  });

  it('is refused when a level has both a score and a range, or neither', () => {
    const both_ = { ...scored('a', 1), range: [1, 2] };
    expect(refusals(rubric({ criteria: [criterion('decision', [both_, scored('b', 3), scored('c', 4)])] })).join()).toMatch(/criteria\.0\.levels\.0/);
    const neither = { id: 'a', descriptor: both('Level a.') };
    expect(refusals(rubric({ criteria: [criterion('decision', [neither, scored('b', 3), scored('c', 4)])] }))).toContain('criteria.0.levels.0: a level has either a score or a range [low, high]');
  });

  it('is refused when scores do not rise strictly from level to level', () => {
    expect(refusals(rubric({ criteria: [criterion('decision', [scored('a', 1), scored('b', 1), scored('c', 2)])] }))).toEqual([
      'criteria.0.levels.1: level "b" must score above level "a": scores rise from level to level and ranges never overlap',
    ]);
    expect(refusals(rubric({ criteria: [criterion('decision', [scored('a', 3), scored('b', 2), scored('c', 1)])] }))).toHaveLength(2);
  });

  it('is refused when ranges overlap or a score falls inside the range before it, but ranges may sit side by side', () => {
    expect(refusals(rubric({ criteria: [criterion('g', [ranged('a', 1, 3), ranged('b', 3, 5), scored('c', 6)])] }))).toEqual([
      'criteria.0.levels.1: level "b" must score above level "a": scores rise from level to level and ranges never overlap',
    ]);
    expect(refusals(rubric({ criteria: [criterion('g', [scored('a', 1), ranged('b', 2, 4), scored('c', 3)])] }))).toHaveLength(1);
    expect(refusals(rubric({ criteria: [criterion('g', [ranged('a', 1, 2), ranged('b', 3, 4), ranged('c', 5, 6)])] }))).toEqual([]);
  });

  it('is refused when a range does not go from a lower score to a higher one', () => {
    expect(refusals(rubric({ criteria: [criterion('g', [ranged('a', 2, 2), scored('b', 3), scored('c', 4)])] }))).toContain('criteria.0.levels.0.range: a range goes from a lower score to a higher one');
  });

  it('is refused without the Welsh of a title, a description or a descriptor', () => {
    expect(refusals(rubric({ title: { en: 'Threshold reasoning', cy: ' ' } })).join()).toMatch(/^title\.cy/);
    expect(refusals(rubric({ description: { en: 'For threshold exercises.' } })).join()).toMatch(/description/);
    const noWelsh = { id: 'a', score: 1, descriptor: { en: 'Level a.', cy: '' } };
    expect(refusals(rubric({ criteria: [criterion('decision', [noWelsh, scored('b', 2), scored('c', 3)])] })).join()).toMatch(/criteria\.0\.levels\.0\.descriptor\.cy/);
  });

  it('is refused with a work kind or an activity kind the platform does not know, or one listed twice', () => {
    expect(refusals(rubric({ workKinds: ['essay'] })).join()).toMatch(/^workKinds\.0/);
    expect(refusals(rubric({ workKinds: [] }))).toContain('workKinds: a rubric covers at least one kind of work');
    expect(refusals(rubric({ workKinds: ['threshold', 'threshold'] }))).toContain('workKinds: list each work kind once');
    expect(refusals(rubric({ defaultFor: ['workshop'] })).join()).toMatch(/^defaultFor\.0/);
  });

  it('is refused when two criteria, or two levels of a criterion, share an id, or a weight is not positive', () => {
    expect(refusals(rubric({ criteria: [criterion('decision'), criterion('decision')] }))).toContain('criteria: criterion ids must be unique');
    expect(refusals(rubric({ criteria: [criterion('decision', [scored('a', 1), scored('a', 2), scored('c', 3)])] }))).toContain('criteria.0.levels: level ids must be unique in a criterion');
    expect(refusals(rubric({ criteria: [{ ...criterion('decision'), weight: 0 }] })).join()).toMatch(/criteria\.0\.weight/);
  });
});

const shape = (id: string, workKinds: Rubric['workKinds'], defaultFor: Rubric['defaultFor']) => ({ id, workKinds, defaultFor });
const complete = [
  shape('conversation', ['simulation', 'task'], ['conversation']),
  shape('conference', ['simulation'], ['conference']),
  shape('thresholds', ['threshold'], ['vignette']),
  shape('reflective', ['reflection', 'task'], ['task']),
];

describe('the rubrics’ defaults across files', () => {
  it('are complete when every work and activity pair the platform uses has exactly one default and every work kind is covered', () => {
    expect(rubricDefaultProblems(complete)).toEqual([]);
  });

  it('name a pair that has no default', () => {
    expect(rubricDefaultProblems(complete.filter((r) => r.id !== 'conference'))).toEqual(['no rubric is the default for simulation work on a conference']);
  });

  it('name a pair with two defaults', () => {
    expect(rubricDefaultProblems([...complete, shape('another', ['threshold'], ['vignette'])])).toEqual(['thresholds, another are all the default for threshold work on a vignette: keep one']);
  });

  it('name a kind of work no rubric covers', () => {
    const noReflection = complete.map((r) => (r.id === 'reflective' ? shape('reflective', ['task'], ['task']) : r));
    expect(rubricDefaultProblems(noReflection)).toEqual(['no rubric covers reflection work']);
  });

  it('name a default for an activity none of the rubric’s work kinds comes from', () => {
    expect(rubricDefaultProblems([...complete, shape('odd', ['reflection'], ['vignette'])])).toContain('odd is the default for a vignette, but none of its work kinds (reflection) comes from one');
  });

  it('are checked by the content loader, which also wants each rubric in a file named after its id', () => {
    const root = mkdtempSync(join(tmpdir(), 'camau-rubrics-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'rubrics'));
    writeFileSync(join(root, 'rubrics', 'threshold-reasoning.yaml'), stringify(rubric()));
    writeFileSync(join(root, 'rubrics', 'second-copy.yaml'), stringify(rubric()));
    const folder = root.split('/').pop()!;
    const problems = loadContent(root).problems.filter((p) => p.file.startsWith(join(folder, 'rubrics')));
    expect(problems).toContainEqual({ file: join(folder, 'rubrics', 'second-copy.yaml'), problem: 'id "threshold-reasoning" must match the file name' });
    expect(problems).toContainEqual({ file: join(folder, 'rubrics', 'threshold-reasoning.yaml'), problem: 'rubric id "threshold-reasoning" is used twice' });
    expect(problems).toContainEqual({ file: join(folder, 'rubrics'), problem: 'no rubric is the default for simulation work on a conversation' });
  });
});

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

describe('the shipped rubrics', () => {
  const content = loadContent(resolve('content'));

  it('load without a problem: the three of the framework and one for reflections', () => {
    expect(content.problems.filter((p) => p.file.startsWith('content/rubrics'))).toEqual([]);
    expect(content.rubrics.map((r) => r.id).sort()).toEqual(['areas-of-change-and-measure', 'collaborative-conversation', 'reflective-practice', 'threshold-reasoning']);
  });

  it('score the four MITI 4.2.1 globals from 1 to 5, beside the balance of reflections to questions', () => {
    const conversation = content.rubrics.find((r) => r.id === 'collaborative-conversation')!;
    expect(conversation.criteria.map((c) => c.id)).toEqual(['cultivating-change-talk', 'softening-sustain-talk', 'partnership', 'empathy', 'reflection-question-balance']);
    for (const global of conversation.criteria.slice(0, 4)) expect(global.levels.map((l) => ('score' in l ? l.score : null))).toEqual([1, 2, 3, 4, 5]);
  });

  it('give every pair the platform uses its default, and reflections the one rubric that covers them', () => {
    const defaults = ASSESSED_WORK.map(({ workKind, activityKind }) => [workKind, activityKind, defaultRubricFor(workKind, activityKind, content.rubrics)?.id]);
    expect(defaults).toEqual([
      ['simulation', 'conversation', 'collaborative-conversation'],
      ['simulation', 'conference', 'areas-of-change-and-measure'],
      ['threshold', 'vignette', 'threshold-reasoning'],
      ['task', 'task', 'reflective-practice'],
    ]);
    expect(defaultRubricFor('reflection', 'module', content.rubrics)?.id).toBe('reflective-practice');
    expect(defaultRubricFor('reflection', null, content.rubrics)?.id).toBe('reflective-practice');
  });

  it('are written in Welsh, not copied from the English', () => {
    for (const r of content.rubrics) {
      expect(r.description.cy).not.toBe(r.description.en);
      for (const c of r.criteria) {
        expect(c.title.cy).not.toBe(c.title.en);
        for (const l of c.levels) expect(l.descriptor.cy).not.toBe(l.descriptor.en);
      }
    }
  });
});
