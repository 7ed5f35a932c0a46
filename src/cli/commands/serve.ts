import { Engine } from '../../main/engine/engine';
import { UpstreamError } from '../../shared/result';
import { parse, requireOption } from '../args';
import { note } from '../output';
import { startLoopbackServer } from '../serve/loopbackServer';
import { ensureRendererBuilt } from '../serve/rendererBuild';

export async function serveCommand(argv: string[]): Promise<void> {
  const { values } = parse(argv, {
    workspace: { type: 'string', short: 'w' },
    port: { type: 'string' },
    'max-upload-mb': { type: 'string' },
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `--port must be a number from 0 to 65535 (0 picks a free port), not '${values.port}'`,
    );
  }
  const maxUploadMb =
    values['max-upload-mb'] === undefined ? undefined : Number(values['max-upload-mb']);
  if (maxUploadMb !== undefined && !(Number.isInteger(maxUploadMb) && maxUploadMb > 0)) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `--max-upload-mb must be a whole number of megabytes above 0 (the default is 2048), not '${values['max-upload-mb']}'`,
    );
  }
  const workspace = requireOption(
    values.workspace,
    '--workspace',
    'upstream serve --workspace sample.duckdb',
  );
  const engine = await Engine.open(workspace);
  let server;
  try {
    const staticDir = await ensureRendererBuilt();
    server = await startLoopbackServer({
      engine,
      staticDir,
      port,
      ...(maxUploadMb === undefined ? {} : { maxUploadBytes: maxUploadMb * 1024 ** 2 }),
    });
  } catch (error) {
    engine.close();
    throw error;
  }
  // The first stdout line is the URL to open: scripts and tests read it.
  process.stdout.write(`${server.url}\n`);
  note(`Serving ${engine.ws.path} on 127.0.0.1 only. Press Ctrl+C to stop.`);
  const stop = () => {
    void server.close().then(() => {
      engine.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
