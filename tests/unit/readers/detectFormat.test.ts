import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/main/engine/import/readers';
import { fixture } from './readerTestKit';

const head = (name: string) => readFileSync(fixture(name)).subarray(0, 64 * 1024);

describe('detectFormat: by content, never by name', () => {
  it.each([
    ['workbook.xlsx', 'xlsx'],
    ['legacy.xls', 'xlsx'],
    ['encrypted.xlsx', 'xlsx'],
    ['feedback.parquet', 'parquet'],
    ['survey.sav', 'sav'],
    ['survey.zsav', 'sav'],
    ['responses.jsonl', 'jsonl'],
    ['responses-array.json', 'jsonl'],
    ['qualtrics.csv', 'csv'],
    ['customer-feedback-1252.csv', 'csv'],
    ['contact-centre-utf16le.tsv', 'csv'],
    ['contact-centre-utf16be.tsv', 'csv'],
  ])('%s is %s', (name, format) => {
    expect(detectFormat(head(name), 'renamed.bin')).toBe(format);
  });

  it('binary, PDF, gzip and empty content are not readable', () => {
    expect(detectFormat(Buffer.from([0, 1, 2, 3, 250, 251, 0, 0, 9]), 'x.csv')).toBeNull();
    expect(detectFormat(Buffer.from('%PDF-1.7\n'), 'x.csv')).toBeNull();
    expect(detectFormat(Buffer.from([0x1f, 0x8b, 8, 0]), 'x.csv')).toBeNull();
    expect(detectFormat(Buffer.alloc(0), 'x.csv')).toBeNull();
  });

  it('text that starts like JSON only when it is JSON', () => {
    expect(detectFormat(Buffer.from('[Region],[Store]\nN,42\n'), 'x.csv')).toBe('csv');
    expect(detectFormat(Buffer.from('{\n  "a": 1\n}\n'), 'x.json')).toBe('jsonl');
  });
});
