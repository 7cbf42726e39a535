import type { MessageParams } from './interpolate.ts';
import type { MessageKey, Translate } from './index.ts';

// Messages that only make sense beside their field get a version that names it (GOV.UK style).
// Islands read this table directly (this module loads no message tables).
export const NAMED_FIELD_MESSAGES = {
  'errors.required': 'errors.requiredField',
  'errors.tooLong': 'errors.tooLongField',
} as const satisfies Partial<Record<MessageKey, MessageKey>>;

/** The version of an error message that names its field, if it has one. */
export function namedFieldMessage(key: MessageKey): (typeof NAMED_FIELD_MESSAGES)[keyof typeof NAMED_FIELD_MESSAGES] | undefined {
  return Object.hasOwn(NAMED_FIELD_MESSAGES, key) ? NAMED_FIELD_MESSAGES[key as keyof typeof NAMED_FIELD_MESSAGES] : undefined;
}

/**
 * The text of a field's error as an error summary and the field itself show it: a message that
 * would not say which field it is about ("required", "too long") names the field's label.
 */
export function fieldErrorText(t: Translate, error: { key: MessageKey; params?: MessageParams | undefined }, label: string | undefined): string {
  const named = namedFieldMessage(error.key);
  const field = label?.trim();
  return named && field ? t(named, { ...error.params, field }) : t(error.key, error.params);
}
