import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Engine } from '../../main/engine/engine';
import { UpstreamError, type ApiError, type ErrorCode, type Result } from '../../shared/result';
import { NEEDS_LINK_PAGE, resolveStatic } from './staticFiles';
import {
  checkDeclaredSize,
  DEFAULT_MAX_UPLOAD_BYTES,
  receiveUpload,
  safeFileName,
  UploadTooLarge,
} from './upload';
import { UploadFolder } from './uploadFolder';

const MAX_BODY_BYTES = 1024 * 1024;
/** How long the rest of a refused upload is read and thrown away before the connection is cut. */
const LINGER_MS = 2000;
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const STATUS_OF: Record<ErrorCode, number> = {
  UNKNOWN_METHOD: 404,
  INVALID_ARGUMENTS: 400,
  NOT_FOUND: 404,
  WORKSPACE_ERROR: 409,
  IMPORT_ERROR: 422,
  UNAUTHORIZED: 401,
  INTERNAL: 500,
  EXPORT_REFUSED: 409,
  CONNECTION_LOST: 503,
};

export interface LoopbackServer {
  url: string;
  port: number;
  token: string;
  /** Stops serving and deletes every upload. */
  close(): Promise<void>;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': CSP,
    ...extra,
  });
  res.end(body);
}

/** Sent by the app's page: engine errors come with status 200, the Result in the body says so. */
export const ANSWER_HEADER = 'x-upstream-answer';

function sendResult(res: ServerResponse, result: Result<unknown>): void {
  const status = result.ok ? 200 : STATUS_OF[result.error.code];
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8');
}

function sendError(res: ServerResponse, error: ApiError): void {
  sendResult(res, { ok: false, error });
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new UpstreamError('INVALID_ARGUMENTS', 'Request body over 1 MB');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new UpstreamError('INVALID_ARGUMENTS', 'Request body is not valid JSON');
  }
}

/**
 * 413 for an upload over the limit. The connection is closed after the answer: the rest of the
 * body is read and dropped for a moment (cutting it at once could lose the answer to a reset),
 * then the socket is destroyed, so a 2 GB body is never read to its end.
 */
function sendTooLarge(req: IncomingMessage, res: ServerResponse, error: UploadTooLarge): void {
  res.on('finish', () => setTimeout(() => req.socket.destroy(), LINGER_MS).unref());
  send(
    res,
    413,
    JSON.stringify({ ok: false, error: { code: 'INVALID_ARGUMENTS', message: error.message } }),
    'application/json; charset=utf-8',
    { connection: 'close' },
  );
}

/**
 * The loopback transport: 127.0.0.1 only, a random token per run, the built renderer and the
 * contract's methods at POST /api/METHOD. The page is opened once with ?token=...; the server then
 * sets an HttpOnly, SameSite=Strict cookie (named per port) and redirects to a clean URL.
 * Scripts may send `Authorization: Bearer TOKEN` instead. Host and Origin are checked so another
 * web page cannot reach the server through DNS rebinding or a cross-site form.
 * Uploads (POST /upload?name=FILE, at most `maxUploadBytes`) live in a private temp folder only
 * as long as they are needed: each is deleted when its import ends or the Import screen lets go
 * of it (DELETE /upload?file=TOKEN), and all of them when the server stops.
 */
export async function startLoopbackServer(options: {
  engine: Engine;
  staticDir: string;
  port?: number;
  maxUploadBytes?: number;
}): Promise<LoopbackServer> {
  const token = randomBytes(24).toString('base64url');
  let port = 0;
  const cookieName = () => `upstream_${port}`;
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const uploads = new UploadFolder();
  const uploaded = new Set<string>();

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) =>
      sendError(res, {
        code: 'INTERNAL',
        message: error instanceof Error ? error.message : String(error),
      }),
    );
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      return send(res, 421, 'Misdirected request', 'text/plain; charset=utf-8');
    }
    const origin = req.headers.origin;
    if (origin && !allowedHosts.some((h) => origin === `http://${h}`)) {
      return sendError(res, { code: 'UNAUTHORIZED', message: 'Cross-origin requests are refused' });
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const bearer = req.headers.authorization?.replace(/^Bearer\s+/i, '');
    const queryToken = url.searchParams.get('token') ?? undefined;
    const authorised =
      sameToken(bearer, token) ||
      sameToken(cookieValue(req, cookieName()), token) ||
      sameToken(queryToken, token);
    if (!authorised) {
      // A browser opening a page (a bookmark, a typed address) reads what to do; scripts and
      // the API get the JSON error.
      const page =
        (req.method === 'GET' || req.method === 'HEAD') &&
        !url.pathname.startsWith('/api/') &&
        url.pathname !== '/upload' &&
        url.pathname !== '/events' &&
        url.pathname !== '/export' &&
        (req.headers.accept ?? '').includes('text/html');
      if (page) return send(res, 401, NEEDS_LINK_PAGE, 'text/html; charset=utf-8');
      return sendError(res, {
        code: 'UNAUTHORIZED',
        message: 'Missing or wrong token: open the URL that `upstream serve` printed.',
      });
    }
    if (queryToken && req.method === 'GET') {
      url.searchParams.delete('token');
      return send(res, 302, '', 'text/plain; charset=utf-8', {
        location: url.pathname + url.search,
        'set-cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }

    if (url.pathname === '/upload') {
      if (req.method === 'DELETE') {
        const file = url.searchParams.get('file') ?? '';
        await options.engine.releaseFile(file);
        uploaded.delete(file);
        return sendResult(res, { ok: true, value: {} });
      }
      if (req.method !== 'POST')
        return sendError(res, {
          code: 'INVALID_ARGUMENTS',
          message: 'Upload with POST /upload?name=FILE',
        });
      return receive(req, res, safeFileName(url.searchParams.get('name') ?? ''));
    }
    if (url.pathname === '/events') {
      // Server-sent events: import progress, as the desktop app gets it over IPC.
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      const forward = (progress: unknown) =>
        res.write(`event: importProgress\ndata: ${JSON.stringify(progress)}\n\n`);
      const forwardExport = (progress: unknown) =>
        res.write(`event: exportProgress\ndata: ${JSON.stringify(progress)}\n\n`);
      options.engine.on('importProgress', forward);
      options.engine.on('exportProgress', forwardExport);
      req.on('close', () => {
        options.engine.off('importProgress', forward);
        options.engine.off('exportProgress', forwardExport);
      });
      return;
    }
    if (url.pathname === '/export') {
      // POST /export with an export request (src/shared/exportRequest.ts): the file comes back
      // as a download; a refusal (the disclosure audit, a bad request) as a JSON error.
      if (req.method !== 'POST') {
        return sendError(res, {
          code: 'INVALID_ARGUMENTS',
          message: 'Ask for an export with POST /export and a JSON body',
        });
      }
      let request: unknown;
      try {
        request = await readBody(req);
      } catch (error) {
        return sendError(res, { code: 'INVALID_ARGUMENTS', message: (error as Error).message });
      }
      const file = await options.engine.exportFile(request);
      if (!file.ok) {
        if (req.headers[ANSWER_HEADER] === 'in-body')
          return send(res, 200, JSON.stringify(file), 'application/json; charset=utf-8');
        return sendResult(res, file);
      }
      return send(res, 200, file.value.bytes, file.value.mime, {
        'content-disposition': `attachment; filename="${file.value.name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.value.name)}`,
      });
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        return sendError(res, {
          code: 'INVALID_ARGUMENTS',
          message: 'Call methods with POST /api/METHOD and a JSON body',
        });
      }
      let input: unknown;
      try {
        input = await readBody(req);
      } catch (error) {
        return sendError(res, { code: 'INVALID_ARGUMENTS', message: (error as Error).message });
      }
      const answer = await options.engine.call(url.pathname.slice('/api/'.length), input);
      // The app's own page reads every answer from the body. An engine error sent as a 404 or
      // 400 would also be logged by the browser as a failed load, which a room reads as a fault
      // when a view only asks for data the workspace does not hold yet.
      if (!answer.ok && req.headers[ANSWER_HEADER] === 'in-body')
        return send(res, 200, JSON.stringify(answer), 'application/json; charset=utf-8');
      return sendResult(res, answer);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
    }
    const file = resolveStatic(options.staticDir, url.pathname);
    if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    return send(res, 200, file.body, file.type);
  }

  async function receive(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    try {
      checkDeclaredSize(req, name, maxUploadBytes);
    } catch (error) {
      return sendTooLarge(req, res, error as UploadTooLarge);
    }
    const path = uploads.newFile(name);
    let bytes: number;
    try {
      ({ bytes } = await receiveUpload(req, path, name, maxUploadBytes));
    } catch (error) {
      uploads.remove(path);
      if (error instanceof UploadTooLarge) return sendTooLarge(req, res, error);
      return sendError(res, { code: 'INVALID_ARGUMENTS', message: (error as Error).message });
    }
    const file = options.engine.files.register(path, name, { dispose: () => uploads.remove(path) });
    uploaded.add(file);
    return sendResult(res, { ok: true, value: [{ file, name, bytes }] });
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      rejectListen(
        error.code === 'EADDRINUSE'
          ? new UpstreamError(
              'INVALID_ARGUMENTS',
              `Port ${options.port} on 127.0.0.1 is already in use. Choose another with --port N, or --port 0 for any free port.`,
            )
          : error,
      );
    });
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  }).catch((error: unknown) => {
    uploads.removeAll();
    throw error;
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        for (const file of uploaded) options.engine.files.release(file);
        uploaded.clear();
        uploads.removeAll();
        server.close(() => resolveClose());
      }),
  };
}
