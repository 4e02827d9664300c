/**
 * @module ingest
 * Reading data into Frames: CSV/TSV (sniffed, optionally gzip), Parquet, JSON/NDJSON and SQL
 * over files through the embedded DuckDB, and PostgreSQL tables or queries through `pg`.
 * `readData` returns one Frame; `scanData` streams batches for data larger than memory.
 */
export {
  type DataSource,
  type FileFormat,
  type ReadOptions,
  type ScanOptions,
  FILE_FORMATS,
  detectFormat,
  parseSource,
  supportedExtensions,
} from './source.js';
export { DEFAULT_BATCH_ROWS, readData, scanData } from './read-data.js';
