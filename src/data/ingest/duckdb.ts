/**
 * @module ingest/duckdb
 * The one embedded DuckDB of the process: an in-memory instance created on first use and
 * shared by every read. Each read opens its own connection (cheap) so that concurrent scans
 * do not share a streaming result.
 */
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

let instance: Promise<DuckDBInstance> | undefined;

/** The shared in-memory DuckDB instance (created lazily, once per process). */
export function duckdbInstance(): Promise<DuckDBInstance> {
  // No ICU extension (it would need a download): DuckDB then keeps TIMESTAMPTZ in UTC and
  // reads timestamps without a zone as UTC — the Frame's convention (epoch ms UTC).
  instance ??= DuckDBInstance.create(':memory:');
  return instance;
}

/**
 * A fresh connection on the shared instance, set up for reading with a larger buffer
 * between DuckDB's parallel scan and our chunk-by-chunk fetching — with the default (about
 * 1 MB) the CSV workers stall every few chunks waiting for JavaScript to catch up.
 */
export async function openConnection(): Promise<DuckDBConnection> {
  const db = await duckdbInstance();
  const con = await db.connect();
  await con.run("SET streaming_buffer_size = '64MB'");
  return con;
}

/** Run `fn` with a fresh connection and always close it afterwards. */
export async function withConnection<T>(fn: (con: DuckDBConnection) => Promise<T>): Promise<T> {
  const con = await openConnection();
  try {
    return await fn(con);
  } finally {
    con.closeSync();
  }
}

/** A SQL string literal: single quotes doubled. */
export function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** A SQL identifier: double quotes doubled. */
export function sqlIdent(s: string): string {
  return `"${s.replaceAll('"', '""')}"`;
}
