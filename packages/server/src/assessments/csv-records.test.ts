import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { CsvRecords } from "./csv-records.ts";

/** Feeds `text` in chunks of `size` bytes and collects the header and the records taken after each chunk. */
function split(text: string, size: number) {
  const bytes = Buffer.from(text, "utf8");
  const records = new CsvRecords(1024);
  const taken: { text: string; count: number }[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    records.write(bytes.subarray(i, i + size));
    const { records: chunk, count } = records.take();
    if (count > 0) taken.push({ text: Buffer.from(chunk).toString("utf8"), count });
  }
  records.end();
  const last = records.take();
  if (last.count > 0) taken.push({ text: Buffer.from(last.records).toString("utf8"), count: last.count });
  return { header: records.header?.toString("utf8"), taken };
}

describe("cutting a CSV upload into whole records", () => {
  const text = '\uFEFFid,name,note\r\n\r\n王1,"李,秀英","a ""quoted""\nline"\n王2,张,plain\n\n王3,"x\r\ny",last';
  it("keeps quoted line feeds, commas and multi-byte characters inside their record, at any chunk size", () => {
    const expected = parse(text.replace(/^\uFEFF/, ""), { skip_empty_lines: true, record_delimiter: ["\r\n", "\n"] }) as string[][];
    for (const size of [1, 2, 3, 5, 7, 64, 4096]) {
      const { header, taken } = split(text, size);
      expect(parse(header!.replace(/^\uFEFF/, ""), { record_delimiter: ["\r\n", "\n"] })).toEqual([expected[0]]);
      const rows = taken.flatMap((t) => parse(t.text, { skip_empty_lines: true, record_delimiter: ["\r\n", "\n"] }) as string[][]);
      expect(rows).toEqual(expected.slice(1));
      expect(taken.reduce((n, t) => n + t.count, 0)).toBe(3);
    }
  });

  it("hands over an unterminated last record, even inside an open quote, for the parser to judge", () => {
    const records = new CsvRecords(1024);
    records.write(Buffer.from('id,n\na,1\nb,"2'));
    records.end();
    const { records: bytes, count } = records.take();
    expect(count).toBe(2);
    expect(Buffer.from(bytes).toString("utf8")).toBe('a,1\nb,"2');
  });

  it("refuses a row longer than its limit instead of buffering it", () => {
    const records = new CsvRecords(10);
    records.write(Buffer.from("id\n"));
    expect(() => records.write(Buffer.from("x".repeat(11)))).toThrow(RangeError);
  });
});
