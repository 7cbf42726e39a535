// Reads programmes, modules, vignettes, simulations and rubrics straight from content/ (outside Astro), for the content check,
// the build-time check and tests. Pages use Astro's content collections instead.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse } from 'yaml';
import { checkContentStructure, checkQuestionFairness, type ContentProblem } from '../domain/learning/index.ts';
import { LOCALES, type Locale } from '../domain/common/index.ts';
import { exploreConversation } from '../domain/simulations/index.ts';
import { rubricDefaultProblems } from '../domain/mentoring/index.ts';
import { decisionSpread, type DecisionSpread } from '../domain/thresholds/index.ts';
import { conferenceScenarioSchema, conversationScenarioSchema, moduleSchema, programmeSchema, rubricSchema, vignetteSchema, type ConferenceScenario, type ConversationScenario, type Module, type Programme, type RubricContent, type Vignette } from './schemas.ts';

export type LoadedContent = {
  programmes: (Programme & { file: string })[];
  modules: (Module & { file: string; folder: string })[];
  sectionTexts: Map<string, Map<string, Partial<Record<Locale, string>>>>;
  vignettes: (Vignette & { file: string })[];
  /** How the panel's decisions spread across the vignettes (its problems are in `problems` too). */
  decisionSpread: DecisionSpread;
  conversations: (ConversationScenario & { file: string })[];
  conferences: (ConferenceScenario & { file: string })[];
  rubrics: (RubricContent & { file: string })[];
  problems: ContentProblem[];
};

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

function zodProblems(file: string, issues: { path: PropertyKey[]; message: string }[]): ContentProblem[] {
  return issues.map((i) => ({ file, problem: `${i.path.map(String).join('.') || '(file)'}: ${i.message}` }));
}

/** Loads and checks everything under `root` (the repository's content/ folder). */
export function loadContent(root: string): LoadedContent {
  const problems: ContentProblem[] = [];
  const rel = (p: string) => relative(join(root, '..'), p);
  const readYaml = (path: string): unknown => {
    try {
      return parse(readFileSync(path, 'utf8'));
    } catch (error) {
      problems.push({ file: rel(path), problem: `is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` });
      return undefined;
    }
  };

  const programmes: LoadedContent['programmes'] = [];
  for (const path of listFiles(join(root, 'programmes')).filter((p) => p.endsWith('.yaml'))) {
    const data = readYaml(path);
    if (data === undefined) continue;
    const parsed = programmeSchema.safeParse(data);
    if (parsed.success) programmes.push({ ...parsed.data, file: rel(path) });
    else problems.push(...zodProblems(rel(path), parsed.error.issues));
  }

  const modules: LoadedContent['modules'] = [];
  const sectionTexts: LoadedContent['sectionTexts'] = new Map();
  const allMdx = new Set(listFiles(join(root, 'modules')).filter((p) => p.endsWith('.mdx')).map(rel));
  for (const path of listFiles(join(root, 'modules')).filter((p) => p.endsWith('module.yaml'))) {
    const data = readYaml(path);
    if (data === undefined) continue;
    const parsed = moduleSchema.safeParse(data);
    if (!parsed.success) {
      problems.push(...zodProblems(rel(path), parsed.error.issues));
      continue;
    }
    const folder = rel(join(path, '..'));
    modules.push({ ...parsed.data, file: rel(path), folder });
    const texts = new Map<string, Partial<Record<Locale, string>>>();
    for (const section of parsed.data.sections) {
      const entry: Partial<Record<Locale, string>> = {};
      for (const locale of LOCALES) {
        const file = join(path, '..', `${section.id}.${locale}.mdx`);
        if (existsSync(file)) {
          entry[locale] = readFileSync(file, 'utf8');
          allMdx.delete(rel(file));
        }
      }
      texts.set(section.id, entry);
    }
    sectionTexts.set(parsed.data.id, texts);
  }
  problems.push(...checkContentStructure({ programmes, modules, sectionTexts, strayFiles: [...allMdx] }));
  problems.push(...checkQuestionFairness(modules, rel(join(root, 'modules'))));

  const vignettes: LoadedContent['vignettes'] = [];
  for (const path of listFiles(join(root, 'vignettes')).filter((p) => p.endsWith('.yaml'))) {
    const data = readYaml(path);
    if (data === undefined) continue;
    const parsed = vignetteSchema.safeParse(data);
    if (!parsed.success) {
      problems.push(...zodProblems(rel(path), parsed.error.issues));
      continue;
    }
    if (vignettes.some((v) => v.id === parsed.data.id)) problems.push({ file: rel(path), problem: `vignette id "${parsed.data.id}" is used twice` });
    vignettes.push({ ...parsed.data, file: rel(path) });
  }
  // A set where one answer matches the panel most of the time teaches nothing about thresholds.
  const spread = decisionSpread(vignettes.map((v) => ({ borderline: v.borderline, decision: v.panel.decision.answer, significant: v.panel.significant.answer })));
  for (const problem of spread.problems) problems.push({ file: rel(join(root, 'vignettes')), problem });

  const moduleIds = new Set(modules.map((m) => m.id));
  const scenarioIds = new Set<string>();
  const loadScenarios = <T extends { id: string; module?: string }>(folder: string, schema: { safeParse: (data: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }) => {
    const loaded: (T & { file: string })[] = [];
    for (const path of listFiles(join(root, 'simulations', folder)).filter((p) => p.endsWith('.yaml'))) {
      const data = readYaml(path);
      if (data === undefined) continue;
      const parsed = schema.safeParse(data);
      if (!parsed.success) {
        problems.push(...zodProblems(rel(path), parsed.error.issues));
        continue;
      }
      if (scenarioIds.has(parsed.data.id)) problems.push({ file: rel(path), problem: `scenario id "${parsed.data.id}" is used twice` });
      if (parsed.data.module && !moduleIds.has(parsed.data.module)) problems.push({ file: rel(path), problem: `module: "${parsed.data.module}" is not a module` });
      scenarioIds.add(parsed.data.id);
      loaded.push({ ...parsed.data, file: rel(path) });
    }
    return loaded;
  };
  const conversations = loadScenarios<ConversationScenario>('conversation', conversationScenarioSchema);
  for (const scenario of conversations) {
    for (const p of exploreConversation(scenario).problems) problems.push({ file: scenario.file, problem: p.turn ? `step "${p.turn}": ${p.problem}` : p.problem });
  }
  const conferences = loadScenarios<ConferenceScenario>('conference', conferenceScenarioSchema);

  const rubrics: LoadedContent['rubrics'] = [];
  for (const path of listFiles(join(root, 'rubrics')).filter((p) => p.endsWith('.yaml'))) {
    const data = readYaml(path);
    if (data === undefined) continue;
    const parsed = rubricSchema.safeParse(data);
    if (!parsed.success) {
      problems.push(...zodProblems(rel(path), parsed.error.issues));
      continue;
    }
    // Pages find a rubric by its id, and authors find its file by the same name.
    if (basename(path, '.yaml') !== parsed.data.id) problems.push({ file: rel(path), problem: `id "${parsed.data.id}" must match the file name` });
    if (rubrics.some((r) => r.id === parsed.data.id)) problems.push({ file: rel(path), problem: `rubric id "${parsed.data.id}" is used twice` });
    rubrics.push({ ...parsed.data, file: rel(path) });
  }
  for (const problem of rubricDefaultProblems(rubrics)) problems.push({ file: rel(join(root, 'rubrics')), problem });
  return { programmes, modules, sectionTexts, vignettes, decisionSpread: spread, conversations, conferences, rubrics, problems };
}
