/**
 * @module serve/batch/csv-records
 * An incremental RFC 4180 reader for CSV bodies that arrive in chunks: fields may be quoted
 * (with "" for a quote, and delimiters or line breaks inside), records end at LF or CRLF, and a
 * record may span chunks. Each `push` returns the records completed so far.
 */

export class CsvRecordReader {
  private field = '';
  private record: string[] = [];
  private inQuotes = false;
  /** A quote was just closed inside a quoted field: "" continues it, anything else ends it. */
  private quoteClosed = false;
  private skipLf = false;

  constructor(private readonly delimiter = ',') {}

  /** Records completed by `chunk`. */
  push(chunk: string): string[][] {
    const out: string[][] = [];
    const d = this.delimiter;
    let start = 0;
    let i = 0;
    const n = chunk.length;
    // `start` marks the beginning of the unquoted run not yet copied into `field`.
    while (i < n) {
      const ch = chunk[i];
      if (this.skipLf) {
        this.skipLf = false;
        if (ch === '\n') {
          i++;
          start = i;
          continue;
        }
      }
      if (this.inQuotes) {
        if (ch === '"') {
          this.field += chunk.slice(start, i);
          this.inQuotes = false;
          this.quoteClosed = true;
          start = i + 1;
        }
        i++;
        continue;
      }
      if (ch === '"') {
        this.field += chunk.slice(start, i);
        if (this.quoteClosed) this.field += '"'; // "" inside a quoted field
        this.inQuotes = true;
        this.quoteClosed = false;
        start = i + 1;
      } else if (ch === d) {
        this.record.push(this.field + chunk.slice(start, i));
        this.field = '';
        this.quoteClosed = false;
        start = i + 1;
      } else if (ch === '\n' || ch === '\r') {
        this.record.push(this.field + chunk.slice(start, i));
        this.field = '';
        this.quoteClosed = false;
        out.push(this.record);
        this.record = [];
        if (ch === '\r') this.skipLf = true;
        start = i + 1;
      } else {
        this.quoteClosed = false;
      }
      i++;
    }
    this.field += chunk.slice(start, n);
    return out;
  }

  /** The last record when the body does not end with a line break. */
  end(): string[][] {
    if (this.field === '' && this.record.length === 0) return [];
    this.record.push(this.field);
    const r = this.record;
    this.record = [];
    this.field = '';
    return [r];
  }
}
