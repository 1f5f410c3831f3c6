/** The test blocks of a rule file, found without compiling it, and the results `gavel test --reporter json` reports for them. */

/** One `test "name" {` block: its name and 0-based line. */
export interface TestBlock {
  name: string;
  line: number;
}

// A test block starts a line (the formatter puts every item at column 0; indentation is tolerated).
const TEST_START = /^[ \t\u3000]*test[ \t]+"((?:[^"\\\n\r]|\\.)*)"/;

/** Decodes a string literal's body as the lexer does (`\n`, `\t`, and `\x` for any other x). */
function unescape(body: string): string {
  return body.replace(/\\(.)/g, (_m, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c));
}

/** Every test block of `source`, in order. */
export function discoverTests(source: string): TestBlock[] {
  const out: TestBlock[] = [];
  source.split(/\r?\n/).forEach((text, line) => {
    const m = TEST_START.exec(text);
    if (m) out.push({ name: unescape(m[1]!), line });
  });
  return out;
}

/** One expectation as the JSON reporter writes it. */
export interface ReportedExpectation {
  text: string;
  passed: boolean;
  expected: string;
  actual: string;
  line: number;
}

/** One test as the JSON reporter writes it. */
export interface ReportedTest {
  name: string;
  rule: string;
  passed: boolean;
  line: number;
  expectations: ReportedExpectation[];
  error?: { code: string; message: string };
}

/** One file as the JSON reporter writes it. */
export interface ReportedFile {
  file: string;
  compiled: boolean;
  diagnostics: { severity: string; code: string; message: string; line: number; column: number }[];
  tests: ReportedTest[];
}

/** The document `gavel test --reporter json` prints. */
export interface TestReport {
  passed: number;
  failed: number;
  durationMs: number;
  files: ReportedFile[];
}

/** Reads the JSON reporter's output; undefined when it is not such a document (a crash, a usage error). */
export function parseTestReport(stdout: string): TestReport | undefined {
  try {
    const value: unknown = JSON.parse(stdout);
    if (typeof value !== "object" || value === null || !Array.isArray((value as { files?: unknown }).files)) return undefined;
    return value as TestReport;
  } catch {
    return undefined;
  }
}
