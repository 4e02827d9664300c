import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSchemaFile, readSchemaFile, schemaToFile } from '../../../src/data/schema/schema-file.js';
import type { ModelwrightError } from '../../../src/errors.js';

function caught(f: () => unknown): ModelwrightError {
  try {
    f();
  } catch (e) {
    return e as ModelwrightError;
  }
  throw new Error('expected an error');
}

describe('schema file', () => {
  it('parses types and roles', () => {
    const s = parseSchemaFile('{"columns": {"zip": {"type": "categorical"}, "id": {"role": "id"}, "t": {"type": "datetime", "role": "time"}}}', 's.json');
    expect(s).toEqual({ path: 's.json', columns: { zip: { type: 'categorical' }, id: { role: 'id' }, t: { type: 'datetime', role: 'time' } } });
  });

  it('says where invalid JSON breaks', () => {
    const e = caught(() => parseSchemaFile('{\n  "columns": {\n    "a": {"type": "numeric",}\n  }\n}', 's.json'));
    expect(e.code).toBe('MW_DATA_SCHEMA_FILE');
    expect(e.message).toMatch(/s\.json is not valid JSON/);
    expect(e.message).toMatch(/line 3/);
  });

  it('names the path of a bad value, the allowed values and the closest one', () => {
    const e = caught(() => parseSchemaFile('{"columns": {"age": {"type": "numerc"}}}', 's.json'));
    expect(e.code).toBe('MW_DATA_SCHEMA_FILE');
    expect(e.message).toContain('at columns.age.type');
    expect(e.message).toContain('Must be one of numeric, categorical, boolean, datetime, text, identifier');
    expect(e.message).toContain("Did you mean 'numeric'?");
    expect(caught(() => parseSchemaFile('{"columns": {"age": {"role": 3}}}')).message).toContain('at columns.age.role');
  });

  it('rejects unknown keys and wrong shapes', () => {
    expect(caught(() => parseSchemaFile('{"colums": {}}')).message).toContain("unknown key 'colums'");
    expect(caught(() => parseSchemaFile('{"columns": {"a": {"typ": "text"}}}')).message).toContain('at columns.a.typ');
    expect(caught(() => parseSchemaFile('[]')).message).toContain('top level must be an object');
    expect(caught(() => parseSchemaFile('{"columns": []}')).message).toContain('at columns');
    expect(caught(() => parseSchemaFile('{"columns": {"a": "text"}}')).message).toContain('at columns.a');
  });

  it('reads from disk, and reports a missing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mw-schema-'));
    const path = join(dir, 'schema.json');
    writeFileSync(path, JSON.stringify({ columns: { a: { role: 'ignored' } } }));
    expect((await readSchemaFile(path)).columns).toEqual({ a: { role: 'ignored' } });
    await expect(readSchemaFile(join(dir, 'nope.json'))).rejects.toMatchObject({ code: 'MW_DATA_SCHEMA_FILE', message: expect.stringContaining('does not exist') });
  });

  it('writes a schema back in the same shape', () => {
    const file = schemaToFile({ columns: [{ name: 'a', dtype: 'float64', type: 'numeric', role: 'feature', reason: 'r' }] });
    expect(parseSchemaFile(JSON.stringify(file)).columns).toEqual({ a: { type: 'numeric', role: 'feature' } });
  });
});
