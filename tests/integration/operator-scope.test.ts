import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusingScope, ScopeRefused } from '../../src/server/people/scope.ts';
import { freshDatabase, PUBLIC_URL, quietMailer } from './support.ts';

const SERVER = join(import.meta.dirname, '../../src/server');
const refusing = refusingScope(new Date());

/** The text of a function's first parameter, as written in its source. */
function firstParameter(fn: Function): string {
  const source = Function.prototype.toString.call(fn);
  const match = /^(?:async\s+)?function\s*\*?\s*[\w$]*\s*\(\s*(\{[^}]*\}|[^,)=]*)/.exec(source) ?? /^(?:async\s*)?\(?\s*(\{[^}]*\}|[\w$]+)/.exec(source);
  return (match?.[1] ?? '').trim();
}

/** Destructured `{ db, organisationId }`: a scope taken apart in the parameter list. */
const takesScopeApart = (param: string) => /^\{[^}]*\b(organisationId|viewer)\b[^}]*\}$/.test(param) && !/\bscope\b/.test(param);

// The only functions not called here, and why (each reads its scope only after something this test cannot give it).
const EXCEPTIONS: Record<string, string> = {
  // Reads the programme from Astro's content collections first, which exist only inside Astro; its
  // scope goes to learning.learningProgress, which is called (and refused) here.
  'learning.programmeViewFor': 'content collections first',
  // Checks the posted event against a real scenario before anything else; the step itself is
  // attempts.applyAttemptStep, which is called (and refused) here.
  'simulations.applySimulationEvent': 'scenario check first',
};

type Candidate = { name: string; fn: (...args: unknown[]) => unknown; kind: 'scope' | 'context' };

async function organisationScopedFunctions(): Promise<Candidate[]> {
  const found: Candidate[] = [];
  for (const capability of readdirSync(SERVER).sort()) {
    const index = join(SERVER, capability, 'index.ts');
    if (!existsSync(index)) continue;
    const exports = (await import(index)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value !== 'function' || /^[A-Z]/.test(name)) continue;
      const param = firstParameter(value);
      const qualified = `${capability}.${name}`;
      if (qualified in EXCEPTIONS) continue;
      if (param === 'scope' || takesScopeApart(param)) found.push({ name: qualified, fn: value as Candidate['fn'], kind: 'scope' });
      // Admin actions take `{ scope, mailer, … }` as `ctx`: refused through the scope inside. (The
      // operator's own functions take the operator's scope, never an organisation's.)
      else if (param === 'ctx' && capability !== 'operator') found.push({ name: qualified, fn: value as Candidate['fn'], kind: 'context' });
    }
  }
  return found;
}

/**
 * A stand-in for any other argument: every property is another stand-in, it can be called, it
 * iterates as empty and reads as the text "placeholder"; so a function reaches its scope as it
 * would with real arguments, instead of stumbling over a missing one first.
 */
function anything(): unknown {
  const target = function placeholder() {};
  return new Proxy(target, {
    get(_t, key) {
      if (key === 'then') return undefined;
      if (key === Symbol.iterator) return function* () {};
      if (key === Symbol.asyncIterator) return async function* () {};
      if (key === Symbol.toPrimitive) return () => 'placeholder';
      if (key === 'length' || key === 'size') return 0;
      return anything();
    },
    apply: () => anything(),
    has: () => false,
  });
}

/** A form POST as a browser sends it. */
const post = (fields: Record<string, string>) => new Request(new URL('/', PUBLIC_URL), { method: 'POST', body: new URLSearchParams(fields) });
const target = { id: 'demo-learner', organisationId: 'demo-org', teamIds: [] };

// Functions that check their other arguments before their scope get arguments that pass those
// checks, so that the scope is what stops them.
const ARGUMENTS: Record<string, () => unknown[]> = {
  'cpd.cpdMinutesThisYearOfMany': () => [[target]],
  'learning.learningProgressOfMany': () => [[target]],
  'simulations.finishedAttemptsOfMany': () => [[target]],
  'thresholds.panelAgreementOfMany': () => [[target]],
  'training.searchPeople': () => ['Elin'],
  'training.facilitatorOptions': () => [['demo-learner'], 'Elin'],
  'mentoring.releasedFeedback': () => ['assignment', 1, [], anything()],
  'learning.reflectionForm': () => [anything(), post({ text: 'What I will do differently' }), 'en'],
  'thresholds.roundActionsForm': () => [{ organiser: true, round: { id: 'r', closedAt: null, closesAt: Date.now() + 1e9, opensAt: 0 } }, post({ action: 'close', confirm: 'yes' }), 'en'],
  'training.saveConfidence': () => [anything(), 'before', {}],
  'training.skipConfidence': () => [anything(), 'before'],
  'training.confidenceForm': () => ['en', anything(), post({ intent: 'skip', moment: 'before' })],
  'evaluation.comparisonForm': () => ['en', null, post({ share: 'yes' })],
};

/** Calls the function as a page would with an operator's request and says what happened. */
async function outcome(candidate: Candidate, args: unknown[]): Promise<'refused' | string> {
  try {
    await candidate.fn(...args);
    return 'returned without refusing';
  } catch (error) {
    return error instanceof ScopeRefused ? 'refused' : `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
}

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  database = await freshDatabase({ demo: true });
});
afterAll(() => database.cleanup());

describe('an operator’s request against every organisation-scoped function', () => {
  it('finds the organisation-scoped functions of every server capability', async () => {
    const all = await organisationScopedFunctions();
    expect(all.filter((c) => c.kind === 'scope').length).toBeGreaterThan(150);
    for (const name of ['people.listPeople', 'people.getPerson', 'audit.listAudit', 'mail.listOutbox', 'evaluation.evaluationLevels', 'training.tnaMatrix']) {
      expect(all.map((c) => c.name)).toContain(name);
    }
  });

  it('is refused by each one (ScopeRefused), whatever the other arguments', async () => {
    const all = await organisationScopedFunctions();
    const problems: string[] = [];
    for (const candidate of all.filter((c) => c.kind === 'scope')) {
      const rest = ARGUMENTS[candidate.name]?.() ?? [anything(), anything(), anything(), anything(), anything()];
      const result = await outcome(candidate, [refusing, ...rest]);
      if (result !== 'refused') problems.push(`${candidate.name}: ${result}`);
    }
    expect(problems).toEqual([]);
  });

  // Form handlers (`…Form`) check the posted form before anything else and then call the functions
  // refused above; the admin actions themselves are called here.
  it('is refused by each admin action that takes the scope inside its context', async () => {
    const all = (await organisationScopedFunctions()).filter((c) => !/Form(Action)?$/.test(c.name));
    expect(all.map((c) => c.name)).toContain('people.invitePerson');
    const ctx = { scope: refusing, mailer: quietMailer, publicUrl: PUBLIC_URL, ip: '127.0.0.1', sessionId: 's', locale: 'en' };
    const problems: string[] = [];
    for (const candidate of all.filter((c) => c.kind === 'context')) {
      const rest = candidate.name === 'people.importPeople' ? ['email,name\nnew.person@example.org,New Person\n', anything()] : [anything(), anything(), anything(), anything()];
      const result = await outcome(candidate, [ctx, ...rest]);
      if (result !== 'refused') problems.push(`${candidate.name}: ${result}`);
    }
    expect(problems).toEqual([]);
  });
});
