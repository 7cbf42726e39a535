import type { IncomingMessage, ServerResponse } from 'node:http';
import { countStatements } from '../../../db/statement-count.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * With CAMAU_SQL_LOG=on (the bench sets it), logs how many SQL statements each request sent,
 * counted at the database client until its response finished: `[sql] GET /home 6`. With
 * CAMAU_SQL_LOG=trace, each statement's text follows on its own line.
 */
export function logStatementCounts(handler: Handler, mode = process.env.CAMAU_SQL_LOG): Handler {
  if (mode !== 'on' && mode !== 'trace') return handler;
  return (req, res) => {
    const line = `${req.method} ${req.url}`;
    const { tally } = countStatements(() => handler(req, res), mode === 'trace');
    res.once('finish', () => console.error([`[sql] ${line} ${tally.statements}`, ...(tally.sql ?? []).map((sql) => `  ${sql.slice(0, 240)}`)].join('\n')));
  };
}
