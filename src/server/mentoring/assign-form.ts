import { localePath, type Locale } from '../../domain/common/index.ts';
import { parseActivityValue } from '../../domain/mentoring/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FormResult } from '../platform/index.ts';
import type { Scope } from '../people/index.ts';
import type { ContentCatalogue } from './activity-catalogue.ts';
import { assignWork } from './assignments.ts';
import { noticeAssignmentSet } from './notices.ts';
import type { Mailer } from '../mail/index.ts';

/** What every mentoring form handler needs: who acts, in which language, from where, and (for notices) the mail. */
export type MentoringFormContext = { scope: Scope; locale: Locale; ip: string | null; mail?: { mailer: Mailer; publicUrl: URL } };

/**
 * The Assign work form (POST /mentoring/assign): one assignment per ticked mentee; any mistake
 * shows the form again (422) with the errors beside their fields and nothing saved. A repeated
 * POST of the same form goes to the workspace without assigning twice.
 */
export async function assignForm(ctx: MentoringFormContext, request: Request, catalogue?: ContentCatalogue): Promise<FormResult> {
  const values = formValues(await readFormData(request), ['menteeIds']);
  const str = (name: string) => (typeof values[name] === 'string' ? values[name] : '');
  const list = (name: string) => { const v = values[name]; return Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []; };
  const result = await assignWork(
    ctx.scope,
    {
      menteeIds: list('menteeIds'),
      activity: parseActivityValue(str('activity')),
      dueDate: str('dueDate'),
      note: str('note') || null,
      askReview: str('askReview') === 'yes',
      task: { title: str('taskTitle'), instructions: str('taskInstructions') },
      requestKey: str('requestKey'),
    },
    ctx.ip,
    catalogue,
  );
  if (!result.ok) return formAgain(result.errors, values);
  if (ctx.mail && !result.repeated) {
    // The work is saved whatever the mail does; a failed notice is logged, never shown as a failed assignment.
    await noticeAssignmentSet(ctx.scope.db, ctx.mail.mailer, ctx.mail.publicUrl, result.ids, ctx.scope.now.getTime(), catalogue).catch((error) => console.error('Assignment notices failed:', error));
  }
  return formRedirect(`${localePath(ctx.locale, '/mentoring')}?assigned=${result.ids.length}#assignments-heading`);
}
