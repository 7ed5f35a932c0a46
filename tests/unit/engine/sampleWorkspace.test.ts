import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { queryOne } from '../../../src/main/engine/db/query';
import { createSampleWorkspace } from '../../../src/main/engine/sampleWorkspace';
import { makeTempDir } from '../../helpers/tempDir';

describe('createSampleWorkspace', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('loads every export even when nobody listens for the reports (as the desktop app calls it)', async () => {
    const engine = await createSampleWorkspace({
      workspace: join(temp.path, 'sample.duckdb'),
      exportsDir: join(temp.path, 'exports'),
      seed: 3,
      scale: 'small',
    });
    try {
      const sources = await queryOne<{ n: number }>(
        engine.ws.conn,
        'SELECT count(*) AS n FROM sources',
      );
      const respondents = await queryOne<{ n: number }>(
        engine.ws.conn,
        'SELECT count(*) AS n FROM respondent_scores',
      );
      expect(sources!.n).toBeGreaterThan(20);
      expect(respondents!.n).toBeGreaterThan(1000);
    } finally {
      engine.close();
    }
  });
});
