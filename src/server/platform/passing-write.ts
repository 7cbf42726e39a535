// Writes a page view makes in passing (remembered language, last-seen time): a page must still
// be shown when the database refuses them, e.g. when it has become read-only.
import { logSafe } from './log.ts';

const failing = new Set<string>();

/**
 * Runs a write that is not the point of the request. A failure is logged once per kind (until
 * the same kind succeeds again) and reported as `false`; it never fails the request.
 */
export async function passingWrite(kind: string, write: () => Promise<unknown>, log: (line: string) => void = console.error): Promise<boolean> {
  try {
    await write();
    failing.delete(kind);
    return true;
  } catch (error) {
    if (!failing.has(kind)) {
      failing.add(kind);
      // Drizzle's own message repeats the query and its values; SQLite's reason is in `cause`.
      const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause : error).message : String(error);
      log(`Skipped a passing write (${kind}); pages are still shown. Cause: ${logSafe(reason, 300)}`);
    }
    return false;
  }
}
