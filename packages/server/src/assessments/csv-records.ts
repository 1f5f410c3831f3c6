/**
 * Cuts a CSV upload into whole records without parsing it, so the event loop only scans bytes and the worker threads
 * parse. A line feed ends a record unless it is inside quotes; quotes toggle (a doubled quote toggles twice), and
 * UTF-8 never puts these bytes inside a multi-byte character.
 */

const QUOTE = 0x22;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export class CsvRecords {
  /** The first non-empty record, once complete (the header row). */
  header: Buffer | undefined;
  /** Complete records after the header, not yet taken. */
  private complete: Buffer[] = [];
  /** Non-empty records in `complete`. */
  count = 0;
  /** The record in progress. */
  private tail: Buffer[] = [];
  private tailBytes = 0;
  private inQuotes = false;
  private hasContent = false;

  /** `maxRecordBytes` bounds the record in progress, so one endless line cannot fill memory. */
  constructor(private readonly maxRecordBytes: number) {}

  /** Adds a chunk of the upload; throws RangeError when a record grows past maxRecordBytes. */
  write(chunk: Buffer): void {
    let from = 0; // start of this chunk's bytes not yet assigned to a complete record
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === QUOTE) {
        this.inQuotes = !this.inQuotes;
        this.hasContent = true;
      } else if (byte === LINE_FEED && !this.inQuotes) {
        const record = [...this.tail, chunk.subarray(from, i + 1)];
        this.tail = [];
        this.tailBytes = 0;
        from = i + 1;
        if (!this.hasContent) continue; // an empty line is no record
        this.hasContent = false;
        if (!this.header) this.header = Buffer.concat(record);
        else {
          this.complete.push(...record);
          this.count++;
        }
      } else if (byte !== CARRIAGE_RETURN) this.hasContent = true;
    }
    if (from < chunk.length) {
      this.tail.push(chunk.subarray(from));
      this.tailBytes += chunk.length - from;
      if (this.tailBytes > this.maxRecordBytes) throw new RangeError(`a row is longer than ${this.maxRecordBytes} bytes`);
    }
  }

  /** The upload ended: the record in progress, if any, is complete (even inside an unclosed quote: the parser reports it). */
  end(): void {
    if (this.hasContent) {
      if (!this.header) this.header = Buffer.concat(this.tail);
      else {
        this.complete.push(...this.tail);
        this.count++;
      }
    }
    this.tail = [];
    this.tailBytes = 0;
    this.hasContent = false;
  }

  /** Takes every complete record (bytes and how many). */
  take(): { records: Uint8Array; count: number } {
    const taken = { records: new Uint8Array(Buffer.concat(this.complete)), count: this.count };
    this.complete = [];
    this.count = 0;
    return taken;
  }
}
