/**
 * @module write
 * Writing Frames to CSV/TSV and Parquet files, whole or batch by batch; always atomic.
 */
export { type FrameWriter, type WriteFormat, type WriteOptions, WRITE_FORMATS, openFrameWriter, writeFormatOf, writeFrame } from './frame-writer.js';
export { csvField, csvHeader, csvRows } from './csv-format.js';
