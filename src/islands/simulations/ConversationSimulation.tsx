import { useActor } from '@xstate/react';
import { useEffect } from 'react';
import { OWN_RESPONSE_MAX, type ConversationStructure } from '../../domain/simulations/conversation.ts';
import { stepFieldLabel, type SubmittedValues } from '../../domain/simulations/simulation-forms.ts';
import { conversationEventProblems, conversationMachine, type ConversationEvent } from '../../machines/simulations/conversation.machine.ts';
import type { ConversationLabels } from './labels.ts';
import { fill, focusStepAfterLoad, useServerCopy, useStepSubmit, withStructure, type Resync as ResyncOf } from './simulation-client.ts';
import StepAlerts from './StepAlerts.tsx';

/** The scenario's words in the reader's language. */
export type ConversationText = {
  person: string;
  turns: Record<string, { says: string; options: { id: string; text: string }[] }>;
  replies: Record<string, string>;
  /** By turn: the family member's neutral answer to a response in the learner's own words. */
  ownWordsReplies: Record<string, string>;
  endings: Record<string, string>;
};

type Props = {
  /** The page itself: where the plain form posts go (and where the debrief is once it ends). */
  action: string;
  api: string;
  revision: number;
  snapshot: unknown;
  structure: ConversationStructure;
  text: ConversationText;
  codes: { value: string; label: string }[];
  labels: ConversationLabels;
  /** After a refused plain post: the server's messages by field, what was typed, and a notice. */
  errors?: Record<string, string>;
  values?: { optionId?: string; text?: string; code?: string };
  notice?: string;
};

/**
 * A Collaborative Conversation practice step. Rendered on the server it is two plain forms
 * (choose a response, or write your own), so it works without JavaScript. Hydrated, it runs the
 * same machine locally so the conversation moves at once, and posts each event to the server,
 * which stays the source of truth: if the server refuses, the page shows where things stand.
 */
type Resync = ResyncOf<Props['values']>;

export default function ConversationSimulation(props: Props) {
  const [server, onResync] = useServerCopy<Props['values']>(props);
  const { key, ...copy } = server;
  return <Conversation key={key} {...props} {...copy} onResync={onResync} />;
}

function Conversation({ action, api, revision: initialRevision, snapshot: persisted, structure, text, codes, labels, errors: serverErrors = {}, values = {}, notice, onResync }: Props & { onResync: (r: Resync) => void }) {
  const [snapshot, , actor] = useActor(conversationMachine, { snapshot: withStructure(persisted, structure), input: { structure } });
  const { revision, errors, busy, submit } = useStepSubmit<ConversationEvent>({
    api,
    action,
    labels,
    revision: initialRevision,
    errors: serverErrors,
    actor,
    multi: [],
    problemsOf: (event) => conversationEventProblems(snapshot.context, event),
    labelOf: (field) => stepFieldLabel(field, String(snapshot.value), (key, params) => fill(labels[key], params), () => undefined),
    onResync: onResync as (r: ResyncOf<SubmittedValues>) => void,
  });
  useEffect(focusStepAfterLoad, []);
  const context = snapshot.context;
  const turn = text.turns[context.turn];
  const step = context.transcript.length + 1;
  const last = context.transcript.at(-1);
  // The family member's answer to the last response, then what they say next: both are announced.
  const replyTo = (entry: { turn: string; optionId: string | null }) => (entry.optionId ? text.replies[`${entry.turn}/${entry.optionId}`] : text.ownWordsReplies[entry.turn]);
  const lastReply = last ? replyTo(last) : undefined;

  return (
    <div className="simulation">
      <StepAlerts notice={notice} errors={errors} labels={labels} anchorFor={(field) => (['text', 'code', 'optionId'].includes(field) ? `field-${field}` : 'sim-current')} />
      {context.transcript.length > 0 && (
        <section aria-labelledby="sim-so-far">
          <h2 id="sim-so-far">{labels['sim.conversationSoFar']}</h2>
          <ol className="transcript">
            {context.transcript.map((entry, i) => (
              <li key={i}>
                <p className="transcript__family"><strong>{fill(labels['sim.says'], { name: text.person })}</strong> {text.turns[entry.turn]?.says}</p>
                <p className="transcript__you"><strong>{entry.own ? labels['sim.yourWords'] : labels['sim.you']}</strong> {entry.own ? entry.own.text : text.turns[entry.turn]?.options.find((o) => o.id === entry.optionId)?.text}</p>
                {i < context.transcript.length - 1 && replyTo(entry) && <p className="transcript__family"><strong>{fill(labels['sim.says'], { name: text.person })}</strong> {replyTo(entry)}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}
      {snapshot.status === 'done' ? (
        <section aria-labelledby="sim-current" className="card">
          <h2 id="sim-current" tabIndex={-1}>{labels['sim.ending']}</h2>
          <div aria-live="polite" className="family-says">
            {lastReply && <p><strong>{fill(labels['sim.says'], { name: text.person })}</strong> {lastReply}</p>}
            <p>{lastReply ? null : <strong>{fill(labels['sim.says'], { name: text.person })} </strong>}{text.endings[context.ending ?? '']}</p>
          </div>
          <p><a href={action}>{labels['sim.openDebrief']}</a></p>
        </section>
      ) : (
      <section aria-labelledby="sim-current" className="card">
        <h2 id="sim-current" tabIndex={-1}>{fill(labels['sim.turnCount'], { count: step })}</h2>
        <div aria-live="polite" className="family-says">
          {lastReply && <p><strong>{fill(labels['sim.says'], { name: text.person })}</strong> {lastReply}</p>}
          <p>{lastReply ? null : <strong>{fill(labels['sim.says'], { name: text.person })} </strong>}{turn?.says}</p>
        </div>
        <form method="post" action={action} onSubmit={submit} noValidate>
          <input type="hidden" name="revision" value={revision} />
          <input type="hidden" name="event" value="CHOOSE" />
          <fieldset className={errors.optionId ? 'field field--error' : 'field'} aria-describedby={errors.optionId ? 'field-optionId-error' : undefined}>
            <legend>{labels['sim.chooseResponse']}</legend>
            {errors.optionId && <p className="error-message" id="field-optionId-error">{errors.optionId}</p>}
            <div className="choices">
              {turn?.options.map((option, i) => (
                <div className="choice" key={option.id}>
                  <input type="radio" name="optionId" value={option.id} id={i === 0 ? 'field-optionId' : `field-optionId-${i}`} defaultChecked={values.optionId === option.id} />
                  <label htmlFor={i === 0 ? 'field-optionId' : `field-optionId-${i}`}>{option.text}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <button className="button" type="submit" disabled={busy} aria-disabled={busy}>{busy ? labels['sim.saving'] : labels['sim.respond']}</button>
        </form>
        <details open={Boolean(errors.text || errors.code || values.text)}>
          <summary>{labels['sim.ownResponse']}</summary>
          <form method="post" action={action} onSubmit={submit} noValidate>
            <input type="hidden" name="revision" value={revision} />
            <input type="hidden" name="event" value="RESPOND_OWN" />
            <div className={errors.text ? 'field field--error' : 'field'}>
              <label htmlFor="field-text">{labels['sim.ownText']}</label>
              <p className="hint" id="field-text-hint">{labels['sim.ownHint']}</p>
              {errors.text && <p className="error-message" id="field-text-error">{errors.text}</p>}
              <textarea id="field-text" name="text" rows={3} maxLength={OWN_RESPONSE_MAX} defaultValue={values.text ?? ''} aria-describedby={errors.text ? 'field-text-hint field-text-error' : 'field-text-hint'} aria-invalid={errors.text ? true : undefined} />
            </div>
            <div className={errors.code ? 'field field--error' : 'field'}>
              <label htmlFor="field-code">{labels['sim.ownCode']}</label>
              {errors.code && <p className="error-message" id="field-code-error">{errors.code}</p>}
              <select id="field-code" name="code" defaultValue={values.code ?? ''} aria-describedby={errors.code ? 'field-code-error' : undefined} aria-invalid={errors.code ? true : undefined}>
                <option value="">{labels['sim.chooseCode']}</option>
                {codes.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
              </select>
            </div>
            <button className="button button--secondary" type="submit" disabled={busy} aria-disabled={busy}>{busy ? labels['sim.saving'] : labels['sim.ownSubmit']}</button>
          </form>
        </details>
      </section>
      )}
    </div>
  );
}
