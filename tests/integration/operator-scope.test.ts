import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusingScope, ScopeRefused } from '../../src/server/people/scope.ts';
import { freshDatabase, PUBLIC_URL, quietMailer } from './support.ts';

const SERVER = join(import.meta.dirname, '../../src/server');
const refusing = refusingScope(new Date());

/** The text of each of a function's top-level parameters, as written in its (compiled) source. */
function parameters(fn: Function): string[] {
  const source = Function.prototype.toString.call(fn);
  // A single bare parameter of an arrow function (`scope => …`) has no parentheses.
  const bare = /^(?:async\s+)?([\w$]+)\s*=>/.exec(source);
  if (bare) return [bare[1]!];
  const open = source.indexOf('(');
  const found: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (let i = open + 1; i < source.length; i++) {
    const c = source[i]!;
    if (quote) {
      if (c === '\\') current += c + source[++i];
      else {
        if (c === quote) quote = '';
        current += c;
      }
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (depth === 0) break;
      depth--;
    } else if (c === ',' && depth === 0) {
      found.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  if (current.trim()) found.push(current.trim());
  return found;
}

/** A parameter's name, without its default value (`scope = x` is `scope`). */
const nameOf = (param: string) => param.replace(/\s*=[\s\S]*$/, '').trim();

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

// `position`: where the scope goes (0 for the usual first argument; later for helpers such as `openActionRows(db, scope, …)`).
type Candidate = { name: string; fn: (...args: unknown[]) => unknown; kind: 'scope' | 'context'; position: number };

async function organisationScopedFunctions(): Promise<Candidate[]> {
  const found: Candidate[] = [];
  for (const capability of readdirSync(SERVER).sort()) {
    const index = join(SERVER, capability, 'index.ts');
    if (!existsSync(index)) continue;
    const exports = (await import(index)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value !== 'function' || /^[A-Z]/.test(name)) continue;
      const params = parameters(value);
      const param = params[0] ?? '';
      const later = params.findIndex((p, i) => i > 0 && nameOf(p) === 'scope');
      const qualified = `${capability}.${name}`;
      if (qualified in EXCEPTIONS) continue;
      if (nameOf(param) === 'scope' || takesScopeApart(param)) found.push({ name: qualified, fn: value as Candidate['fn'], kind: 'scope', position: 0 });
      // A parameter named `scope` in a later position (after a database or transaction handle).
      else if (later > 0) found.push({ name: qualified, fn: value as Candidate['fn'], kind: 'scope', position: later });
      // Admin actions take `{ scope, mailer, … }` as `ctx`: refused through the scope inside. (The
      // operator's own functions take the operator's scope, never an organisation's.)
      else if (param === 'ctx' && capability !== 'operator') found.push({ name: qualified, fn: value as Candidate['fn'], kind: 'context', position: 0 });
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
    // A scope taken after a database or transaction handle is found too, in its own position.
    for (const name of ['mentoring.openActionRows', 'mentoring.cancelPlannedSessionIn']) {
      expect(all.find((c) => c.name === name)?.position, name).toBe(1);
    }
  });

  it('is refused by each one (ScopeRefused), whatever the other arguments', async () => {
    const all = await organisationScopedFunctions();
    const problems: string[] = [];
    for (const candidate of all.filter((c) => c.kind === 'scope')) {
      const rest = ARGUMENTS[candidate.name]?.() ?? [anything(), anything(), anything(), anything(), anything()];
      // The refusing scope goes where the function takes its scope; placeholders (or ARGUMENTS) fill the other places.
      const args = [...rest.slice(0, candidate.position), refusing, ...rest.slice(candidate.position)];
      const result = await outcome(candidate, args);
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
