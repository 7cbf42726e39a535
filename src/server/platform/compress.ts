import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

// gzip (or deflate) for clients that ask for it, on text types over 1 KB: pages, scripts, styles, CSV.
const compress = compression();

/** Wraps a handler so that its responses are compressed when the client accepts it. */
export function compressResponses(handler: Handler): Handler {
  return (req, res) => compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => handler(req, res));
}
