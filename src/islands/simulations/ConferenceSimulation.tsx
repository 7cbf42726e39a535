import { useActor } from '@xstate/react';
import { useEffect, useState, type ReactNode } from 'react';
import { nextDeadline, PLAN_TEXT_MAX, planNudge, SCALE, type PlannedArea } from '../../domain/simulations/case-conference.ts';
import { formatDay } from '../../domain/common/index.ts';
import { MULTI_FIELDS, stepFieldLabel, type SubmittedValues } from '../../domain/simulations/simulation-forms.ts';
import { caseConferenceMachine, conferenceEventProblems, type CaseConferenceEvent, type ConferenceStructure } from '../../machines/simulations/case-conference.machine.ts';
import type { AGENCIES } from '../../content/schemas.ts';
import type { ConferenceLabels } from './labels.ts';
import { fill, focusStepAfterLoad, reloadAtCurrentStep, useServerCopy, useStepSubmit, withStructure, type Resync as ResyncOf } from './simulation-client.ts';
import StepAlerts from './StepAlerts.tsx';

type Information = { id: string; from: (typeof AGENCIES)[number]; text: string }[];
/** The scenario's words in the reader's language (model answers only once the review is done). */
export type ConferenceText = {
  information: Information;
  areas: { id: string; label: string; model: { notGoodEnough: string; goodEnough: string; familyWords: string } | null }[];
  meetings: { id: string; title: string; familyScaling: { who: string; area: string; scale: number; says: string }[]; information: Information; actions: { id: string; text: string }[] }[];
  review: { information: Information };
};

type Props = {
  action: string;
  api: string;
  revision: number;
  snapshot: unknown;
  structure: ConferenceStructure;
  text: ConferenceText;
  locale: 'en' | 'cy';
  labels: ConferenceLabels;
  errors?: Record<string, string>;
  values?: SubmittedValues;
  notice?: string;
};
type Resync = ResyncOf<SubmittedValues>;

/**
 * A Case Conference → Core Group step: the plan at the initial conference, each Core Group
 * meeting, the review conference and the self-check. A plain form post without JavaScript;
 * hydrated, it checks the step with the same machine, moves on at once and posts the event for
 * the server to confirm, as the conversation island does.
 */
export default function ConferenceSimulation(props: Props) {
  const [server, resync] = useServerCopy<SubmittedValues>(props);
  const onResync = (r: Resync) => {
    // The self-check and the debrief need what only the server draws (the model answers).
    const step = (r.snapshot as { value?: unknown })?.value;
    if (step === 'selfCheck' || step === 'complete') return reloadAtCurrentStep(props.action);
    resync(r);
  };
  const { key, ...copy } = server;
  return <Conference key={key} {...props} {...copy} onResync={onResync} />;
}

function Conference({ action, api, revision: initialRevision, snapshot: persisted, structure, text, locale, labels, errors: serverErrors = {}, values = {}, notice, onResync }: Props & { onResync: (r: Resync) => void }) {
  const [snapshot, , actor] = useActor(caseConferenceMachine, { snapshot: withStructure(persisted, structure), input: { structure } });
  const { revision, errors, busy, submit } = useStepSubmit<CaseConferenceEvent>({
    api,
    action,
    labels,
    revision: initialRevision,
    errors: serverErrors,
    actor,
    multi: MULTI_FIELDS,
    problemsOf: (event) => conferenceEventProblems(snapshot.context, event),
    labelOf: (field) => stepFieldLabel(field, String(snapshot.value), (key, params) => fill(labels[key], params), (id) => text.areas.find((a) => a.id === id)?.label),
    // The self-check after the review shows the model answers, which only the server hands out.
    serverDrawn: (event) => event.type === 'DECIDE',
    onResync,
  });
  const [hydrated, setHydrated] = useState(false);
  const [chosen, setChosen] = useState<string[]>(list(values.areas));
  useEffect(() => {
    // Boxes the browser ticked before hydration (back/forward, quick typists) count as chosen.
    setChosen((c) => [...new Set([...c, ...[...document.querySelectorAll<HTMLInputElement>('input[name="areas"]:checked')].map((i) => i.value)])]);
    setHydrated(true);
    focusStepAfterLoad();
  }, []);
  const context = snapshot.context;
  const step = String(snapshot.value);
  const day = (iso: string) => formatDay(locale, iso);
  const value = (name: string) => (Array.isArray(values[name]) ? '' : ((values[name] as string | undefined) ?? ''));
  const areaLabel = (id: string) => text.areas.find((a) => a.id === id)?.label ?? id;
  const planned = context.plan ?? [];

  const field = (name: string, label: string, children: (describedBy: string | undefined, invalid: boolean) => ReactNode, hint?: string) => {
    const id = `field-${name}`;
    const describedBy = [hint && `${id}-hint`, errors[name] && `${id}-error`].filter(Boolean).join(' ') || undefined;
    return (
      <div className={errors[name] ? 'field field--error' : 'field'} key={name}>
        <label htmlFor={id}>{label}</label>
        {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
        {errors[name] && <p className="error-message" id={`${id}-error`}>{errors[name]}</p>}
        {children(describedBy, Boolean(errors[name]))}
      </div>
    );
  };
  const textarea = (name: string, label: string, rows = 3, hint?: string) =>
    field(name, label, (describedBy, invalid) => <textarea id={`field-${name}`} name={name} rows={rows} maxLength={PLAN_TEXT_MAX} defaultValue={value(name)} aria-describedby={describedBy} aria-invalid={invalid || undefined} />, hint);
  const dateField = (label: string, deadlineKey: Extract<keyof ConferenceLabels, `sim.timescale.${string}`>, deadline: string) =>
    field('date', label, (describedBy, invalid) => <input type="date" id="field-date" name="date" defaultValue={value('date')} aria-describedby={describedBy} aria-invalid={invalid || undefined} />, `${fill(labels[deadlineKey], { date: day(deadline) })} ${labels['sim.dateHint']}`);
  const plainDate = (name: string, label: string, hint: string) =>
    field(name, label, (describedBy, invalid) => <input type="date" id={`field-${name}`} name={name} defaultValue={value(name)} aria-describedby={describedBy} aria-invalid={invalid || undefined} />, `${hint} ${labels['sim.dateHint']}`);
  const information = (items: Information, headingId: string, heading: string) =>
    items.length > 0 && (
      <section aria-labelledby={headingId}>
        <h3 id={headingId}>{heading}</h3>
        <ul className="information">
          {items.map((item) => (
            <li key={item.id}>
              <strong>{fill(labels['sim.from'], { agency: labels[`sim.agency.${item.from}`] })}</strong> {item.text}
            </li>
          ))}
        </ul>
      </section>
    );
  const form = (event: string, submitLabel: string, children: ReactNode) => (
    // Keyed by step, so each meeting's form starts empty rather than keeping the last one's answers.
    <form method="post" action={action} onSubmit={submit} noValidate key={`${event}-${context.meetings.length}`}>
      <input type="hidden" name="revision" value={revision} />
      <input type="hidden" name="event" value={event} />
      {children}
      <button className="button" type="submit" disabled={busy} aria-disabled={busy}>{busy ? labels['sim.saving'] : submitLabel}</button>
    </form>
  );
  const planSummary = planned.length > 0 && (
    <details>
      <summary>{labels['sim.plan']}</summary>
      <dl>
        {planned.map((a: PlannedArea) => (
          <div key={a.areaId}>
            <dt>{areaLabel(a.areaId)}</dt>
            <dd>{labels['sim.notGoodEnough']}: {a.notGoodEnough}</dd>
            <dd>{labels['sim.goodEnough']}: {a.goodEnough}</dd>
            <dd>{labels['sim.familyWords']}: {a.familyWords}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
  const meetingsSoFar = context.meetings.length > 0 && (
    <section aria-labelledby="sim-meetings-so-far">
      <h3 id="sim-meetings-so-far">{labels['sim.meetingsSoFar']}</h3>
      <ul>
        {context.meetings.map((m, i) => (
          <li key={i}>
            {fill(labels['sim.meetingSummary'], { title: text.meetings[i]?.title ?? '', date: day(m.date) })}: {planned.map((a) => `${areaLabel(a.areaId)} ${m.scales[a.areaId]}`).join('; ')}
          </li>
        ))}
      </ul>
    </section>
  );

  let body: ReactNode = null;
  if (step === 'conference') {
    body = (
      <>
        <h2 id="sim-current" tabIndex={-1}>{fill(labels['sim.conferenceHeading'], { date: day(structure.conferenceDate) })}</h2>
        {information(text.information, 'sim-information', labels['sim.information'])}
        {form(
          'SET_PLAN',
          labels['sim.setPlan'],
          <>
          <fieldset className={errors.areas ? 'field field--error' : 'field'} aria-describedby={['field-areas-hint', errors.areas && 'field-areas-error'].filter(Boolean).join(' ')}>
            <legend>{labels['sim.chooseAreas']}</legend>
            <p className="hint" id="field-areas-hint">{labels['sim.chooseAreasHint']}</p>
            {/* Always in the page, so a screen reader hears the nudge when a fourth area is ticked. */}
            <p className="hint" role="status" id="field-areas-nudge">{planNudge(chosen.length) ? labels['sim.areasNudge'] : null}</p>
            {errors.areas && <p className="error-message" id="field-areas-error">{errors.areas}</p>}
            {text.areas.map((area, i) => {
              const open = !hydrated || chosen.includes(area.id) || Object.keys(errors).some((name) => name.startsWith(`${area.id}.`));
              return (
                <div className="area" key={area.id}>
                  <div className="choice">
                    <input
                      type="checkbox"
                      name="areas"
                      value={area.id}
                      id={i === 0 ? 'field-areas' : `field-areas-${i}`}
                      defaultChecked={chosen.includes(area.id)}
                      onChange={(e) => setChosen((c) => (e.target.checked ? [...c, area.id] : c.filter((id) => id !== area.id)))}
                    />
                    <label htmlFor={i === 0 ? 'field-areas' : `field-areas-${i}`}>{fill(labels['sim.areaChoose'], { area: area.label })}</label>
                  </div>
                  {open && (
                    <div className="area__texts">
                      {textarea(`${area.id}.notGoodEnough`, labels['sim.notGoodEnough'])}
                      {textarea(`${area.id}.goodEnough`, labels['sim.goodEnough'])}
                      {textarea(`${area.id}.familyWords`, labels['sim.familyWords'], 2)}
                    </div>
                  )}
                </div>
              );
            })}
          </fieldset>
          {plainDate('outlinePlanDate', labels['sim.outlinePlanDate'], labels['sim.outlinePlanHint'])}
          </>,
        )}
      </>
    );
  } else if (step === 'coreGroup') {
    const index = context.meetings.length;
    const meeting = text.meetings[index]!;
    const held = context.meetings.map((m) => m.date);
    // The deadline leaves room for the Core Groups still to come and the review after them.
    const deadline = nextDeadline(structure.conferenceDate, held, false, structure.meetings.length - index - 1);
    const hintKey = deadline !== nextDeadline(structure.conferenceDate, held, false) ? 'sim.timescale.beforeReview' : index === 0 ? 'sim.timescale.first' : 'sim.timescale.next';
    body = (
      <>
        <h2 id="sim-current" tabIndex={-1}>{meeting.title}</h2>
        {planSummary}
        {meetingsSoFar}
        {meeting.familyScaling.length > 0 && (
          <section aria-labelledby="sim-family-scales">
            <h3 id="sim-family-scales">{labels['sim.familyScalesFirst']}</h3>
            <p>{labels['sim.familyScalesIntro']}</p>
            <ul className="information">
              {meeting.familyScaling.map((f, i) => (
                <li key={i}>
                  <strong>{fill(labels['sim.familyScale'], { who: f.who, area: f.area, scale: f.scale })}</strong> {f.says}
                </li>
              ))}
            </ul>
          </section>
        )}
        {information(meeting.information, 'sim-new-information', labels['sim.newInformation'])}
        {form(
          'RECORD_MEETING',
          labels['sim.recordMeeting'],
          <>
            {dateField(labels['sim.meetingDate'], hintKey, deadline)}
            {planned.map((a) =>
              field(
                `scale.${a.areaId}`,
                fill(labels['sim.scale'], { area: areaLabel(a.areaId) }),
                (describedBy, invalid) => (
                  <select id={`field-scale.${a.areaId}`} name={`scale.${a.areaId}`} defaultValue={value(`scale.${a.areaId}`)} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
                    <option value="">{labels['sim.scaleChoose']}</option>
                    {Array.from({ length: SCALE.max - SCALE.min + 1 }, (_, i) => i + SCALE.min).map((n) => <option key={n} value={n}>{n}</option>)}
                  </select>
                ),
                labels['sim.scaleHint'],
              ),
            )}
            {textarea('moved', labels['sim.moved'], 4)}
            <fieldset className={errors.actions ? 'field field--error' : 'field'} aria-describedby={errors.actions ? 'field-actions-error' : undefined}>
              <legend>{labels['sim.actions']}</legend>
              {errors.actions && <p className="error-message" id="field-actions-error">{errors.actions}</p>}
              <div className="choices">
                {meeting.actions.map((action, i) => (
                  <div className="choice" key={action.id}>
                    <input type="checkbox" name="actions" value={action.id} id={i === 0 ? 'field-actions' : `field-actions-${i}`} defaultChecked={list(values.actions).includes(action.id)} />
                    <label htmlFor={i === 0 ? 'field-actions' : `field-actions-${i}`}>{action.text}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          </>,
        )}
      </>
    );
  } else if (step === 'review') {
    const deadline = nextDeadline(structure.conferenceDate, context.meetings.map((m) => m.date), true);
    body = (
      <>
        <h2 id="sim-current" tabIndex={-1}>{labels['sim.reviewHeading']}</h2>
        {planSummary}
        {meetingsSoFar}
        {information(text.review.information, 'sim-new-information', labels['sim.newInformation'])}
        {form(
          'DECIDE',
          labels['sim.decide'],
          <>
            {dateField(labels['sim.reviewDate'], 'sim.timescale.review', deadline)}
            <fieldset className={errors.decision ? 'field field--error' : 'field'} aria-describedby={errors.decision ? 'field-decision-error' : undefined}>
              <legend>{labels['sim.decisionLegend']}</legend>
              {errors.decision && <p className="error-message" id="field-decision-error">{errors.decision}</p>}
              <div className="choices">
                {(['continue', 'end'] as const).map((decision, i) => (
                  <div className="choice" key={decision}>
                    <input type="radio" name="decision" value={decision} id={i === 0 ? 'field-decision' : `field-decision-${i}`} defaultChecked={value('decision') === decision} />
                    <label htmlFor={i === 0 ? 'field-decision' : `field-decision-${i}`}>{labels[`sim.decision.${decision}`]}</label>
                  </div>
                ))}
              </div>
            </fieldset>
            {textarea('reasons', labels['sim.reasons'], 5)}
            {plainDate('nextReviewDate', labels['sim.nextReviewDate'], labels['sim.nextReviewHint'])}
          </>,
        )}
      </>
    );
  } else if (step === 'selfCheck') {
    body = (
      <>
        <h2 id="sim-current" tabIndex={-1}>{labels['sim.selfCheckHeading']}</h2>
        <p>{labels['sim.selfCheckIntro']}</p>
        {form(
          'SELF_CHECK',
          labels['sim.finishCheck'],
          planned.map((a) => {
            const model = text.areas.find((x) => x.id === a.areaId)?.model ?? null;
            return (
              <section className="card" key={a.areaId} aria-labelledby={`check-${a.areaId}`}>
                <h3 id={`check-${a.areaId}`}>{areaLabel(a.areaId)}</h3>
                <div className="side-by-side">
                  <div>
                    <h4>{labels['sim.yourAnswer']}</h4>
                    <p><strong>{labels['sim.notGoodEnough']}:</strong> {a.notGoodEnough}</p>
                    <p><strong>{labels['sim.goodEnough']}:</strong> {a.goodEnough}</p>
                    <p><strong>{labels['sim.familyWords']}:</strong> {a.familyWords}</p>
                  </div>
                  <div>
                    <h4>{labels['sim.modelAnswer']}</h4>
                    {model ? (
                      <>
                        <p><strong>{labels['sim.notGoodEnough']}:</strong> {model.notGoodEnough}</p>
                        <p><strong>{labels['sim.goodEnough']}:</strong> {model.goodEnough}</p>
                        <p><strong>{labels['sim.familyWords']}:</strong> {model.familyWords}</p>
                      </>
                    ) : (
                      <p>{labels['sim.noModel']}</p>
                    )}
                  </div>
                </div>
                <input type="hidden" name="checked" value={a.areaId} />
                <fieldset className="field">
                  <legend>{fill(labels['sim.check.legend'], { area: areaLabel(a.areaId) })}</legend>
                  <div className="choices">
                    {(['observable', 'specific', 'ownWords'] as const).map((check) => (
                      <div className="choice" key={check}>
                        <input type="checkbox" name={`${a.areaId}.${check}`} value="yes" id={`field-${a.areaId}.${check}`} />
                        <label htmlFor={`field-${a.areaId}.${check}`}>{labels[`sim.check.${check}`]}</label>
                      </div>
                    ))}
                  </div>
                </fieldset>
              </section>
            );
          }),
        )}
      </>
    );
  } else {
    body = (
      <p id="sim-current" tabIndex={-1}>
        <a href={action}>{labels['sim.openDebrief']}</a>
      </p>
    );
  }

  return (
    <div className="simulation">
      <StepAlerts notice={notice} errors={errors} labels={labels} anchorFor={fieldAnchor} />
      {body}
    </div>
  );
}

const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
/** The input an error's link should lead to; errors about the step as a whole lead to its heading. */
const FIELDS_WITH_INPUTS = /^(areas|date|outlinePlanDate|nextReviewDate|moved|actions|decision|reasons|scale\..+|[^.]+\.(notGoodEnough|goodEnough|familyWords))$/;
const fieldAnchor = (name: string) => (FIELDS_WITH_INPUTS.test(name) ? `field-${name}` : 'sim-current');
