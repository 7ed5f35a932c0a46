import type { Handler } from './context';

// The import pipeline (readers, inference, kinds) loads when a file is previewed or imported,
// not with every command and window that only reads figures.
const pipeline = () => import('../import/importFile');
const preview = () => import('../import/preview');

export const importPreview: Handler<'importPreview'> = async (input, { ws, files }) =>
  (await preview()).previewImport(ws, files.resolve(input.file).path, {
    kind: input.kind,
    sheet: input.sheet,
    profile: input.profile,
    mapping: input.mapping,
    hints: input.hints,
  });

export const importRun: Handler<'importRun'> = async (input, ctx) => {
  const controller = new AbortController();
  ctx.imports.current = controller;
  try {
    const { importFile } = await pipeline();
    return await importFile(
      ctx.ws,
      ctx.files.resolve(input.file).path,
      { mapping: input.mapping, sheet: input.sheet, saveProfileAs: input.saveProfileAs },
      { signal: controller.signal, onProgress: ctx.emitProgress },
    );
  } finally {
    ctx.imports.current = null;
    // Succeeded, failed or cancelled: an uploaded file has served its purpose.
    ctx.files.release(input.file);
  }
};

export const importCancel: Handler<'importCancel'> = async (_input, { imports }) => {
  const running = imports.current;
  running?.abort();
  return { cancelled: running !== null };
};

export const profiles: Handler<'profiles'> = async (_input, { ws }) => ({
  profiles: (await (await import('../import/profiles')).listProfiles(ws.conn)).map((p) => ({
    name: p.name,
    kind: p.kind,
    columns: p.columnNames,
    mapping: p.mapping,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  })),
});

export const quarantine: Handler<'quarantine'> = async (input, { ws }) =>
  (await import('../import/quarantine')).listQuarantine(ws.conn, input);
