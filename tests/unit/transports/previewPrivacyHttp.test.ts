import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../../../src/cli/serve/loopbackServer';
import { Engine } from '../../../src/main/engine/engine';
import { writePersonalSurvey, type PersonalSurvey } from '../../fixtures/qualtricsPersonal';
import { expectNoPersonalValues } from '../../helpers/previewPrivacy';
import { makeTempDir } from '../../helpers/tempDir';

describe('import preview over the loopback HTTP transport shows no personal values', () => {
  const temp = makeTempDir();
  let engine: Engine;
  let server: LoopbackServer;
  let survey: PersonalSurvey;
  let file: string;

  const post = async (path: string, body: string) => {
    const res = await fetch(`http://127.0.0.1:${server.port}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}` },
      body,
    });
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    survey = writePersonalSurvey(temp.path);
    engine = await Engine.open(join(temp.path, 'w.duckdb'), { create: true });
    const staticDir = join(temp.path, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Upstream</title>');
    server = await startLoopbackServer({ engine, staticDir, port: 0 });
    const uploaded = await post(
      `/upload?name=${encodeURIComponent('pulse.csv')}`,
      readFileSync(survey.path, 'utf8'),
    );
    expect(uploaded.status).toBe(200);
    file = JSON.parse(uploaded.text).value[0].file;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    engine?.close();
    temp.remove();
  });

  for (const kind of [undefined, 'customer_feedback'] as const) {
    it(`previewed as ${kind ?? 'its own kind'}`, async () => {
      const reply = await post(
        '/api/importPreview',
        JSON.stringify(kind ? { file, kind } : { file }),
      );
      expect(reply.status).toBe(200);
      const { ok, value } = JSON.parse(reply.text);
      expect(ok).toBe(true);
      expect(value.kind).toBe(kind ?? 'survey_responses');
      // The whole body, not only the parsed preview: nothing personal crosses the wire.
      for (const secret of [...survey.emails, ...survey.respondentIds, ...survey.comments])
        expect(reply.text).not.toContain(secret);
      expectNoPersonalValues(value, survey);
    }, 120_000);
  }
});
