import type { MessageKey } from '../../i18n/index.ts';
import type { RefusalReason } from './attempt-engine.ts';

/** The notice each capability shows for each refusal (its own words, e.g. "practice." or "sim." keys). */
export type RefusalMessages = Record<RefusalReason | 'invalid', MessageKey>;

const STATUS: Record<RefusalReason | 'invalid', number> = {
  'not-found': 404,
  invalid: 422,
  stale: 409,
  'not-allowed': 409,
  'changed-content': 409,
  'round-closed': 409,
};

/**
 * The HTTP answer to a refused step, the same for pages and the JSON endpoint: someone else's
 * or a missing attempt is a 404, content that fails its checks a 422, and a step that conflicts
 * with the attempt as it stands (stale, out of turn, changed content, closed round) a 409.
 */
export function refusalToHttp(reason: RefusalReason | 'invalid', messages: RefusalMessages): { status: number; key: MessageKey } {
  return { status: STATUS[reason], key: messages[reason] };
}
