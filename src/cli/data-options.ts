/**
 * @module cli/data-options
 * The flags every data-reading command shares (how to read the source, and what to say about
 * its columns), and their translation into library options.
 */
import type { Command } from 'commander';
import { type FileFormat, type ReadOptions, parseSource, readData } from '../data/ingest/index.js';
import type { Frame } from '../data/frame/frame.js';
import { readSchemaFile } from '../data/schema/schema-file.js';
import type { SchemaOverrides } from '../data/schema/overrides.js';
import { parseList } from './context.js';

export interface DataFlags {
  sql?: string;
  table?: string;
  query?: string;
  format?: FileFormat;
  delimiter?: string;
  header?: boolean;
}

export interface SchemaFlags {
  categorical?: string;
  text?: string;
  drop?: string;
  id?: string;
  time?: string;
  weight?: string;
  group?: string;
  sensitive?: string;
  schema?: string;
}

/** Flags that say how to read the data source. */
export function addDataOptions(cmd: Command): Command {
  return cmd
    .option('--sql <query>', "read the result of a SQL query over files instead (e.g. \"select * from 'a.parquet'\")")
    .option('--table <name>', 'PostgreSQL table to read (with a postgres:// URL as data)')
    .option('--query <sql>', 'PostgreSQL query to read (with a postgres:// URL as data)')
    .option('--format <format>', 'file format: csv, tsv, parquet, json or ndjson (default: from the extension)')
    .option('--delimiter <char>', 'CSV delimiter (default: sniffed)')
    .option('--no-header', 'the CSV file has no header row');
}

/** Flags that override inferred column types and roles. */
export function addSchemaOptions(cmd: Command): Command {
  return cmd
    .option('--categorical <cols>', 'treat these columns as categorical (comma-separated)')
    .option('--text <cols>', 'treat these columns as free text')
    .option('--drop <cols>', 'ignore these columns')
    .option('--id <col>', 'the row identifier column')
    .option('--time <col>', 'the time column')
    .option('--weight <col>', 'the row weight column')
    .option('--group <col>', 'the group column (for grouped splits and ranking)')
    .option('--sensitive <cols>', 'sensitive attributes (for fairness checks)')
    .option('--schema <file>', 'a JSON schema file: {"columns": {"name": {"type": …, "role": …}}}');
}

export function readOptionsFrom(flags: DataFlags): ReadOptions {
  return { format: flags.format, delimiter: flags.delimiter, header: flags.header === false ? false : undefined };
}

/** Read the data argument of a command with its data flags. */
export async function readDataArg(arg: string, flags: DataFlags, extra: ReadOptions = {}): Promise<Frame> {
  return readData(parseSource(arg, { sql: flags.sql, table: flags.table, query: flags.query }), { ...readOptionsFrom(flags), ...extra });
}

/** Schema overrides from flags (plus the schema file, when given). */
export async function schemaOverridesFrom(flags: SchemaFlags, target?: string): Promise<SchemaOverrides> {
  return {
    target,
    categorical: parseList(flags.categorical),
    text: parseList(flags.text),
    drop: parseList(flags.drop),
    id: flags.id,
    time: flags.time,
    weight: flags.weight,
    group: flags.group,
    sensitive: parseList(flags.sensitive),
    schemaFile: flags.schema ? await readSchemaFile(flags.schema) : undefined,
  };
}
