import type { MessageKey, Translate } from '../../i18n/index.ts';
import type { FieldError } from '../../server/platform/index.ts';

// Messages that only make sense beside their field get a version that names it (GOV.UK style).
const NAMED: Partial<Record<MessageKey, MessageKey>> = {
  'errors.required': 'errors.requiredField',
  'errors.tooLong': 'errors.tooLongField',
};

/**
 * The text of a field's error as the error summary and the field itself show it: a message that
 * would not say which field it is about ("required", "too long") names the field's label.
 */
export function fieldErrorText(t: Translate, error: FieldError, label: string | undefined): string {
  const named = NAMED[error.key];
  const field = label?.trim();
  return named && field ? t(named, { ...error.params, field }) : t(error.key, error.params);
}
