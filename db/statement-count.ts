// Counts the SQL statements one piece of work sends to the database, at the client: the bench
// prints them per page. Outside `countStatements` nothing is counted and nothing is kept.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Client, InStatement, Transaction } from '@libsql/client';

export type Tally = { statements: number; sql?: string[] };
// On globalThis, so the built server's copy of this module and scripts/serve.ts's copy share one count.
const shared = globalThis as typeof globalThis & { [key: symbol]: AsyncLocalStorage<Tally> | undefined };
const current = (shared[Symbol.for('camau.statement-count')] ??= new AsyncLocalStorage<Tally>());

/**
 * Runs `work` with a fresh count; `tally.statements` grows as its statements are sent, however
 * long it runs. With `keepSql`, `tally.sql` also lists each statement's text (for finding them).
 */
export function countStatements<T>(work: () => T, keepSql = false): { result: T; tally: Tally } {
  const tally: Tally = keepSql ? { statements: 0, sql: [] } : { statements: 0 };
  return { result: current.run(tally, work), tally };
}

function add(n: number, stmt?: unknown): void {
  const tally = current.getStore();
  if (!tally) return;
  tally.statements += n;
  if (tally.sql) tally.sql.push(n === 1 ? sqlText(stmt) : `(${n} statements)`);
}

function sqlText(stmt: unknown): string {
  return typeof stmt === 'string' ? stmt : typeof stmt === 'object' && stmt && 'sql' in stmt ? String(stmt.sql) : '(statement)';
}

function countingTransaction(tx: Transaction): Transaction {
  const execute = tx.execute.bind(tx);
  const batch = tx.batch.bind(tx);
  tx.execute = ((stmt: InStatement) => (add(1, stmt), execute(stmt))) as Transaction['execute'];
  const commit = tx.commit.bind(tx);
  const rollback = tx.rollback.bind(tx);
  tx.batch = ((stmts: InStatement[]) => (add(stmts.length), batch(stmts))) as Transaction['batch'];
  tx.commit = () => (add(1, 'COMMIT'), commit());
  tx.rollback = () => (add(1, 'ROLLBACK'), rollback());
  return tx;
}

/** The client, counting each statement it sends (a batch counts each of its statements) into the running count. */
export function countingClient(client: Client): Client {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      switch (property) {
        case 'execute':
        case 'executeMultiple':
          return (...args: unknown[]) => (add(1, args[0]), (value as (...a: unknown[]) => unknown).apply(target, args));
        case 'batch':
        case 'migrate':
          return (stmts: InStatement[], ...rest: unknown[]) => (add(stmts.length), (value as (...a: unknown[]) => unknown).apply(target, [stmts, ...rest]));
        case 'transaction':
          // BEGIN, each statement, then COMMIT or ROLLBACK.
          return async (...args: unknown[]) => (add(1, 'BEGIN'), countingTransaction(await (value as (...a: unknown[]) => Promise<Transaction>).apply(target, args)));
        default:
          return value.bind(target);
      }
    },
  });
}
