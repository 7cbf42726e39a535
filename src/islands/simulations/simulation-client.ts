// What the simulation islands share: posting an event to the server, taking the server's word
// when it refuses one, and a few helpers. No server code here: the server answers JSON from
// /api/simulations/….
import { useState, type SyntheticEvent } from 'react';
import { interpolate, type MessageParams } from '../../i18n/interpolate.ts';
import { namedFieldMessage } from '../../i18n/field-error.ts';
import { readFormValues } from '../../domain/common/index.ts';
import type { StepLabels } from './labels.ts';
import { eventFromForm, PROBLEM_MESSAGES, type ProblemKind, type SubmittedValues } from '../../domain/simulations/simulation-forms.ts';


/** Fills `{name}` placeholders, as the server's translator does. */
export function fill(template: string | undefined, params: MessageParams = {}): string {
  return interpolate(template ?? '', params);
}

export type StepAnswer =
  | { ok: true; revision: number; done: boolean }
  | { ok: false; status: number; message: string; errors?: Record<string, string>; revision?: number; snapshot?: unknown };

/** Posts one event with the revision it was made from; the server decides. Network failures lose nothing. */
export async function postEvent(api: string, revision: number, event: unknown, networkMessage: string): Promise<StepAnswer> {
  try {
    const response = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ revision, event }), credentials: 'same-origin' });
    const body = (await response.json().catch(() => ({}))) as { revision?: number; done?: boolean; error?: string; errors?: Record<string, string>; snapshot?: unknown };
    if (response.ok) return { ok: true, revision: body.revision ?? revision + 1, done: Boolean(body.done) };
    return { ok: false, status: response.status, message: body.error ?? networkMessage, errors: body.errors, revision: body.revision, snapshot: body.snapshot };
  } catch {
    return { ok: false, status: 0, message: networkMessage };
  }
}

/** Moves focus to an element once React has drawn it (the new step's heading or the error summary). */
export function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** Puts the scenario structure back into a snapshot the page sent without it (it is sent once, as its own prop). */
export function withStructure<S>(snapshot: unknown, structure: S): never {
  const s = snapshot as { context: Record<string, unknown> };
  return { ...s, context: { ...s.context, structure } } as never;
}

/** After a full page load at a step (no-JS redirect, reload), put focus on the step's heading, as the island does between steps. */
export function focusStepAfterLoad() {
  if (window.location.hash === '#sim-current') focusSoon('sim-current');
}

/** Loads the step afresh from the server (the debrief, or a step only the server can draw), at its heading. */
export function reloadAtCurrentStep(action: string) {
  window.history.replaceState(null, '', `${action}#sim-current`);
  window.location.reload();
}

/** The step as the server last gave it, plus what to show with it. */
export type ServerCopy<V> = { snapshot: unknown; revision: number; key: number; notice?: string; values?: V; errors?: Record<string, string> };
export type Resync<V> = { snapshot: unknown; revision: number; message: string; values?: V; errors?: Record<string, string> };

/**
 * Holds the server's copy of the attempt. When the server refuses a step, the island is drawn
 * again from that copy (a new `key` remounts the machine): refused content (422) keeps what was
 * typed beside its errors; a conflict (409) shows the step as the server has it, with the notice.
 */
export function useServerCopy<V>(initial: Omit<ServerCopy<V>, 'key'>) {
  const [server, setServer] = useState<ServerCopy<V>>({ ...initial, key: 0 });
  const resync = (r: Resync<V>) => {
    const invalid = Boolean(r.errors && Object.keys(r.errors).length);
    setServer((s) => ({ snapshot: r.snapshot, revision: r.revision, key: s.key + 1, notice: invalid ? undefined : r.message, values: invalid ? r.values : undefined, errors: invalid ? r.errors : undefined }));
    focusSoon(invalid ? 'sim-errors' : 'sim-notice');
  };
  return [server, resync] as const;
}

type StepActor<E> = { getPersistedSnapshot(): unknown; getSnapshot(): { can(event: E): boolean }; send(event: E): void };

/**
 * One step's submit, the same for every kind of simulation: read the form with the shared form
 * reader, check the event with the machine's own rules (showing their problems at once), move the
 * machine on and post the event; the server then confirms it or the island is redrawn from the
 * server's copy. Anything the machine would not take goes to the server as a plain post, so the
 * server explains it. `serverDrawn` steps wait for the server and reload (what follows them only
 * the server draws).
 */
export function useStepSubmit<E extends { type: string }>(options: {
  api: string;
  action: string;
  labels: StepLabels;
  revision: number;
  errors: Record<string, string>;
  actor: StepActor<E>;
  multi: readonly string[];
  problemsOf: (event: E) => readonly { field: string; problem: ProblemKind; max?: number }[];
  /** A field's on-screen label, so a message like "required" can name it. */
  labelOf: (field: string) => string | undefined;
  serverDrawn?: (event: E) => boolean;
  onResync: (r: Resync<SubmittedValues>) => void;
}) {
  const [revision, setRevision] = useState(options.revision);
  const [errors, setErrors] = useState<Record<string, string>>(options.errors);
  const [busy, setBusy] = useState(false);
  const { api, action, labels, actor } = options;

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    const typed = readFormValues(new FormData(form), { multi: options.multi });
    const next = eventFromForm(typed) as E | null;
    if (!next) return form.submit();
    const problems: Record<string, string> = {};
    for (const p of options.problemsOf(next)) {
      const key = PROBLEM_MESSAGES[p.problem];
      const field = options.labelOf(p.field);
      const named = field ? namedFieldMessage(key) : undefined;
      problems[p.field] ??= named && field ? fill(labels[named], { max: p.max ?? '', field }) : fill(labels[key], { max: p.max ?? '' });
    }
    setErrors(problems);
    if (Object.keys(problems).length) return focusSoon('sim-errors');
    if (!actor.getSnapshot().can(next)) return form.submit(); // let the server explain
    const before = actor.getPersistedSnapshot();
    const waitForServer = options.serverDrawn?.(next) ?? false;
    setBusy(true);
    if (!waitForServer) {
      actor.send(next);
      form.reset();
      focusSoon('sim-current');
    }
    const answer = await postEvent(api, revision, next, labels['sim.errorNetwork']);
    setBusy(false);
    if (answer.ok) {
      setRevision(answer.revision);
      if (answer.done || waitForServer) reloadAtCurrentStep(action);
      return;
    }
    options.onResync({ snapshot: answer.snapshot ?? before, revision: answer.revision ?? revision, message: answer.message, values: typed, errors: answer.errors });
  }

  return { revision, errors, busy, submit };
}
