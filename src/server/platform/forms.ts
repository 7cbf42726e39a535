import { z } from 'zod';
import { readFormValues, type FormValues } from '../../domain/common/index.ts';
import { isMessageKey, type MessageKey, type MessageParams } from '../../i18n/index.ts';

/**
 * No text field in Camau takes more than this (the reflective log entry is the longest); each
 * form's own, smaller limit is checked by its schema or domain rule.
 */
export const LONGEST_TEXT_FIELD = 10_000;

export type FieldError = { key: MessageKey; params?: MessageParams };
export type FieldErrors = Record<string, FieldError>;
export type { FormValues };

export type FormParse<T> = { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

/**
 * The submitted form, or an empty one when the body is not a form at all (wrong content type,
 * cut-off upload): the page then answers with its usual validation errors, never a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}

/**
 * Reads a form into plain values (the shared reader); fields named in `multi` keep every value
 * (checkboxes, multi-selects). One character over the longest field is kept, so a form's own
 * "too long" message still shows.
 */
export function formValues(form: FormData, multi: readonly string[] = []): FormValues {
  return readFormValues(form, { multi, maxLength: LONGEST_TEXT_FIELD + 1 });
}

/**
 * Validates a submitted form with a zod schema whose messages are translation keys.
 * On failure it returns one translated-key error per field and the values as typed, so the
 * form can be shown again with nothing lost.
 */
export function parseForm<T>(schema: z.ZodType<T>, form: FormData, multi: readonly string[] = []): FormParse<T> {
  const values = formValues(form, multi);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (errors[field]) continue;
    if (issue.code === 'too_big' && typeof issue.maximum === 'number' && !isMessageKey(issue.message)) {
      errors[field] = { key: 'errors.tooLong', params: { max: issue.maximum } };
    } else {
      errors[field] = { key: isMessageKey(issue.message) ? issue.message : 'errors.invalidChoice' };
    }
  }
  return { ok: false, errors, values };
}

/** The longest e-mail address a mail system accepts (RFC 5321's path limit). */
export const EMAIL_MAX_LENGTH = 254;

/** Field building blocks with translated messages. */
export const fields = {
  requiredText: (max: number) => z.string().trim().min(1, { error: 'errors.required' }).max(max),
  email: () =>
    z
      .string()
      .trim()
      .toLowerCase()
      .min(1, { error: 'errors.required' })
      .max(EMAIL_MAX_LENGTH, { error: 'errors.emailInvalid' })
      .pipe(z.email({ error: 'errors.emailInvalid' })),
  locale: () => z.enum(['cy', 'en'], { error: 'errors.invalidChoice' }),
};

/**
 * What a form handler (`server/<capability>/*-form.ts`) tells its page: where to go next after
 * a write that worked (`redirect`, answered with 303), or the status to answer with and the
 * errors and typed values to show the form again. `Extra` carries what one form alone needs
 * (a new session, a refusal shown above the form).
 */
export type FormResult<Extra extends object = object> = {
  status: number;
  errors: FieldErrors;
  values: FormValues;
  redirect: string | null;
} & Extra;

/** A form that worked: the page sends the browser on with 303 See Other. */
export function formRedirect(to: string, values: FormValues = {}): FormResult {
  return { status: 303, errors: {}, values, redirect: to };
}

/** A form shown again with `status` (422 unless said), its errors and what was typed. */
export function formAgain(errors: FieldErrors, values: FormValues = {}, status = 422): FormResult {
  return { status, errors, values, redirect: null };
}
