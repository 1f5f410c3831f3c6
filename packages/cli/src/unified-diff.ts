/** Unified diffs (`diff -u`, `git diff` style) of two texts, line by line, for `gavel fmt --diff`. */

type Op = { kind: " " | "-" | "+"; line: string };

/** Lines with their line ends kept, so a missing final newline is a difference too. */
function splitLines(text: string): string[] {
  return text === "" ? [] : text.split(/(?<=\n)/);
}

/** The shortest edit script from `a` to `b` (Myers' O((N+M)D) algorithm). */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Array<number>(2 * max + 3).fill(0);
  const trace: number[][] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from the end to recover the path.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const row = trace[d] ?? [];
    const k = x - y;
    const down = k === -d || (k !== d && (row[offset + k - 1] ?? 0) < (row[offset + k + 1] ?? 0));
    const prevK = down ? k + 1 : k - 1;
    const prevX = row[offset + prevK] ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      y--;
      ops.push({ kind: " ", line: a[--x] ?? "" });
    }
    if (d > 0) {
      if (down) ops.push({ kind: "+", line: b[--y] ?? "" });
      else ops.push({ kind: "-", line: a[--x] ?? "" });
    }
  }
  return ops.reverse();
}

function render(op: Op): string {
  const text = op.line.endsWith("\n") ? op.line : `${op.line}\n\\ No newline at end of file\n`;
  return `${op.kind}${text}`;
}

const range = (start: number, count: number): string => `${count === 0 ? start - 1 : start},${count}`;

/**
 * The unified diff from `before` to `after` with `context` unchanged lines around each change,
 * headed `--- a/NAME` / `+++ b/NAME` (apply with `git apply` or `patch -p1`); "" when they are equal.
 */
export function unifiedDiff(before: string, after: string, name: string, context = 3): string {
  if (before === after) return "";
  const ops = editScript(splitLines(before), splitLines(after));
  const changed = ops.flatMap((op, index) => (op.kind === " " ? [] : [index]));
  let out = `--- a/${name}\n+++ b/${name}\n`;
  let i = 0;
  while (i < changed.length) {
    // One hunk: changes whose gaps are at most 2 × context lines.
    let last = changed[i] ?? 0;
    let j = i + 1;
    while (j < changed.length && (changed[j] ?? 0) - last <= 2 * context + 1) last = changed[j++] ?? 0;
    const from = Math.max(0, (changed[i] ?? 0) - context);
    const to = Math.min(ops.length, last + context + 1);
    // Line numbers where the hunk starts: count the lines before it on each side.
    let oldStart = 1;
    let newStart = 1;
    for (const op of ops.slice(0, from)) {
      if (op.kind !== "+") oldStart++;
      if (op.kind !== "-") newStart++;
    }
    const hunk = ops.slice(from, to);
    const oldCount = hunk.filter((op) => op.kind !== "+").length;
    const newCount = hunk.filter((op) => op.kind !== "-").length;
    out += `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n${hunk.map(render).join("")}`;
    i = j;
  }
  return out;
}
