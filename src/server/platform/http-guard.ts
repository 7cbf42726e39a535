// The production server's front door: what must be decided from the raw Node request, before
// Astro turns it into a web Request (which reads the body and cannot represent TRACE).
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';

/** Methods the app answers; TRACE/TRACK would echo a request (and the web Request cannot hold them). */
export const ALLOWED_METHODS = 'GET, HEAD, POST';

// Static files are served before Astro's middleware runs, so these two must be set here too.
const ALWAYS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin' } as const;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Makes the response carry the standard reason phrase of its status: Astro keeps a page's
 * default statusText "OK" when the page sets another status, which gave "HTTP/1.1 401 OK".
 */
function standardReasonPhrases(res: ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    const phrase = STATUS_CODES[statusCode];
    if (phrase) {
      this.statusMessage = phrase;
      if (typeof rest[0] === 'string') rest[0] = phrase;
    }
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
  } as ServerResponse['writeHead'];
}

/** The locale prefix of a raw request path ('/cy' or ''), for the translated refusal pages. */
function localePrefix(url: string | undefined): '' | '/cy' {
  return /^\/cy(?:[/?#]|$)/.test(url ?? '') ? '/cy' : '';
}

/**
 * Wraps the Astro adapter's handler: adds the always-on headers and the standard reason
 * phrases, answers TRACE/TRACK with 405, refuses a declared body over the limit with the
 * translated 413 page before reading it, and, unless a proxy is trusted, drops X-Forwarded-For
 * so the socket's address is the client's.
 */
export function guardRequests(handler: Handler, options: { trustProxy: boolean; bodyLimit: number }): Handler {
  const limit = options.bodyLimit;
  return (req, res) => {
    for (const [name, value] of Object.entries(ALWAYS)) res.setHeader(name, value);
    standardReasonPhrases(res);
    if (!options.trustProxy) delete req.headers['x-forwarded-for'];
    const method = (req.method ?? '').toUpperCase();
    if (method === 'TRACE' || method === 'TRACK') {
      res.writeHead(405, { Allow: ALLOWED_METHODS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Method Not Allowed');
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      // Show the translated page without reading the body, then close the connection so the
      // rest of the upload is never read.
      res.setHeader('Connection', 'close');
      req.method = 'GET';
      req.url = `${localePrefix(req.url)}/413`;
      delete req.headers['content-length'];
      delete req.headers['transfer-encoding'];
      req.headers.accept = 'text/html';
    }
    handler(req, res);
  };
}
