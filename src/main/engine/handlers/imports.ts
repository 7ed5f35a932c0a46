import { importFile } from '../import/importFile';
import { previewImport } from '../import/preview';
import { listProfiles } from '../import/profiles';
import { listQuarantine } from '../import/quarantine';
import type { Handler } from './context';

export const importPreview: Handler<'importPreview'> = async (input, { ws, files }) =>
  previewImport(ws, files.resolve(input.file).path, {
    kind: input.kind,
    sheet: input.sheet,
    profile: input.profile,
  });

export const importRun: Handler<'importRun'> = async (input, ctx) => {
  const controller = new AbortController();
  ctx.imports.current = controller;
  try {
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
  profiles: (await listProfiles(ws.conn)).map((p) => ({
    name: p.name,
    kind: p.kind,
    columns: p.columnNames,
    mapping: p.mapping,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  })),
});

export const quarantine: Handler<'quarantine'> = async (input, { ws }) =>
  listQuarantine(ws.conn, input);
