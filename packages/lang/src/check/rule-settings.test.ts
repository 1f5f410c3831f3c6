/**
 * `proxies: at most N` and `write_ins: allowed`: what a vote, election or rating declares for the meetings that run
 * items under it. Parsed, checked (with spans), formatted, exposed on the compiled rule, known to hover and completion.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../compile/compiler.ts";
import { format } from "../tooling/formatter.ts";
import { getCompletions, getHover } from "../tooling/service.ts";

const ELECTION_BODY = `  void:    ballots > voters
  turnout: voters > 1/2 of registered
  elected: votes > 1/2 of voters
  runoff:  votes >= 1/3 of ballots`;

/** Each diagnostic as "line:column CODE" and the text its span covers. */
function found(source: string): { at: string; code: string; text: string }[] {
  return compile(source).diagnostics.map((d) => ({ at: `${d.span.line}:${d.span.column}`, code: d.code, text: source.slice(d.span.offset, d.span.endOffset) }));
}

describe("proxies and write-ins declared by the rule", () => {
  it("exposes the declared values on the compiled rule, and none when a rule declares nothing", () => {
    const m = compile(`
vote v {
  quorum: present > 2/3 of entitled
  passes: yes > 1/2 of entitled
  proxies: at most 1 "每名代表接受委托不得超过一人"
}
election e {
${ELECTION_BODY}
  proxies:   at most 3
  write_ins: allowed
}
election closed_list {
${ELECTION_BODY}
  write_ins: not allowed
}
rating r {
  levels 满意, 不满意
  proxies: at most 0
  grade { "好" otherwise }
}
vote plain { quorum: true passes: yes > no }
scorecard s { input x: count  criterion c max 1 { 1 when x > 0  0 otherwise }  grade { "a" otherwise } }
`);
    expect(m.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(Object.fromEntries(m.rules.map((r) => [r.name, r.settings]))).toEqual({
      v: { proxies: 1, writeIns: false },
      e: { proxies: 3, writeIns: true },
      closed_list: { proxies: 0, writeIns: false },
      r: { proxies: 0, writeIns: false },
      plain: { proxies: 0, writeIns: false },
      s: { proxies: 0, writeIns: false },
    });
  });

  it("refuses a negative, fractional or too large limit, a setting written twice or in the wrong words, and write-ins outside an election, each with its span", () => {
    const source = `vote v {
  quorum: true
  passes: yes > no
  proxies: at most -1
  proxies: at most 1
  write_ins: allowed
}
rating r {
  levels 好, 差
  proxies: at most 1/2
  grade { "x" otherwise }
}
election e {
${ELECTION_BODY}
  proxies: at most 1.5
  write_ins: yes
}
election f {
${ELECTION_BODY}
  proxies: 2
  write_ins: allowed
  write_ins: allowed
}
election g {
${ELECTION_BODY}
  proxies: at most 101
}`;
    expect(found(source)).toEqual([
      { at: "4:20", code: "INVALID_PROXY_LIMIT", text: "-1" },
      { at: "5:3", code: "DUPLICATE_SETTING", text: "proxies" },
      { at: "6:3", code: "WRITE_INS_NOT_ELECTION", text: "write_ins" },
      { at: "10:20", code: "INVALID_PROXY_LIMIT", text: "1/2" },
      { at: "18:20", code: "INVALID_PROXY_LIMIT", text: "1.5" },
      { at: "19:3", code: "INVALID_SETTING", text: "write_ins: yes" },
      { at: "26:3", code: "INVALID_SETTING", text: "proxies: 2" },
      { at: "28:3", code: "DUPLICATE_SETTING", text: "write_ins" },
      { at: "35:20", code: "INVALID_PROXY_LIMIT", text: "101" },
    ]);
    // Chinese messages too.
    const zh = compile(source, { locale: "zh" }).diagnostics.find((d) => d.code === "WRITE_INS_NOT_ELECTION")!;
    expect(zh.message).toContain("只用于选举");
  });

  it("keeps 'proxies' and 'write_ins' usable as names in older rules", () => {
    const m = compile(`scorecard s {
  input proxies: count
  input write_ins: count
  criterion c max 1 { 1 when proxies + write_ins > 0  0 otherwise }
  grade { "a" otherwise }
}
test "names" { s(proxies: 1, write_ins: 0) expect c = 1 }`);
    expect(m.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("formats settings where they were written, aligned with the clauses, and round-trips", () => {
    const source = `election e "选举" {
  void: ballots > voters
  proxies:    at most   3   "受委托不得超过三人"   # 省实施办法
  write_ins:allowed
  turnout: voters > 1/2 of registered
  elected: votes > 1/2 of voters
  runoff: votes >= 1/3 of ballots
}
vote v {
  quorum: true
  passes: yes > no
  proxies:   at most 1
}
rating r {
  levels 好, 差
  proxies: at most 0
  grade { "x" otherwise }
}
`;
    const first = format(source);
    expect(first.ok).toBe(true);
    const text = first.ok ? first.text : "";
    expect(text).toContain(`  void:      ballots > voters
  proxies:   at most 3  "受委托不得超过三人"  # 省实施办法
  write_ins: allowed
  turnout:   voters > 1/2 of registered`);
    expect(text).toContain(`  passes: yes > no
  proxies: at most 1
}`);
    expect(text).toContain(`  levels 好, 差

  proxies: at most 0

  grade {`);
    expect(format(text)).toEqual({ ok: true, text });
    expect(compile(text).rules.map((r) => r.settings)).toEqual(compile(source).rules.map((r) => r.settings));
  });

  it("hovers and completes the settings", () => {
    const source = `election e {
${ELECTION_BODY}
  proxies: at most 3
  write_ins: allowed
}`;
    expect(getHover(source, source.indexOf("proxies") + 2)?.contents).toContain("委托投票");
    expect(getHover(source, source.indexOf("write_ins") + 2)?.contents).toContain("另选他人");
    const inBody = source.indexOf("  proxies");
    const labels = getCompletions(source, inBody).map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(["proxies", "write_ins"]));
    const afterColon = `vote v {
  quorum: true
  passes: yes > no
  proxies: `;
    expect(getCompletions(afterColon, afterColon.length).map((c) => c.label)).toEqual(["at most"]);
    const writeIns = `election e {
${ELECTION_BODY}
  write_ins: `;
    expect(getCompletions(writeIns, writeIns.length).map((c) => c.label)).toEqual(["allowed", "not allowed"]);
    // A vote has no write-ins to complete.
    const vote = `vote v {
  quorum: true
  passes: yes > no
  `;
    expect(getCompletions(vote, vote.length).map((c) => c.label)).not.toContain("write_ins");
  });
});
