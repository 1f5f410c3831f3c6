/**
 * The two probe files of issue #11, exactly as the issue writes them, evaluated by the real `gavel eval --format json`.
 * Expected deadlines come from a day-by-day walk over the 2026 notice that shares no code with the engine.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { oracleAdd } from "../../packages/lang/src/test-support/workday-oracle";
import { gavel, repoRoot } from "../cli/run-gavel";

const PROBES = join(repoRoot, "tests/lang/probes");
const work = mkdtempSync(join(tmpdir(), "gavel-probes-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function evalJson(file: string, input: unknown, extra: string[] = []): Promise<{ code: number; json: Record<string, unknown> | undefined; stderr: string }> {
  const run = await gavel(["eval", join(PROBES, file), "--input", JSON.stringify(input), "--format", "json", ...extra], work);
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(run.stdout) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { code: run.code, json, stderr: run.stderr };
}

describe("deadline_probe through gavel eval", () => {
  it("prints the due date as an ISO day, across the Spring Festival", async () => {
    const input = { received: "2026-02-12", resolved: "2026-02-26", limit: 5 };
    const { code, json, stderr } = await evalJson("deadline-probe.gavel", input);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(oracleAdd("2026-02-12", 5)).toBe("2026-02-26");
    expect((json!["values"] as Record<string, unknown>)["due"]).toBe("2026-02-26");
    expect(json!["score"]).toBe(1);
  });

  it("is late one working day after the deadline (the make-up Saturday 2-28 counts)", async () => {
    const due = oracleAdd("2026-02-13", 10)!;
    const late = { received: "2026-02-13", resolved: "2026-03-02", limit: 10 };
    const { json } = await evalJson("deadline-probe.gavel", late);
    expect((json!["values"] as Record<string, unknown>)["due"]).toBe(due);
    expect(json!["score"]).toBe(late.resolved <= due ? 1 : 0);
  });

  it("refuses a day that does not exist, and a date outside the calendar", async () => {
    const bad = await gavel(["eval", join(PROBES, "deadline-probe.gavel"), "--input", JSON.stringify({ received: "2026-02-30", resolved: "2026-03-02", limit: 1 })], work);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("2026-02-30");
    const outside = await gavel(["eval", join(PROBES, "deadline-probe.gavel"), "--input", JSON.stringify({ received: "2026-12-28", resolved: "2027-01-02", limit: 5 })], work);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain("DATE_OUTSIDE_CALENDAR");
  });

  it("takes a calendar file for 2027 with --calendar", async () => {
    const file = join(work, "cn-2027.json");
    writeFileSync(file, JSON.stringify({ years: { "2027": { holidays: ["2027-01-01"] } } }));
    const { code, json } = await evalJson("deadline-probe.gavel", { received: "2026-12-30", resolved: "2027-01-05", limit: 3 }, ["--calendar", file]);
    expect(code).toBe(0);
    // 2026-12-31 (Thu), 2027-01-01 off, 01-02/03 weekend, 01-04 (Mon), 01-05 (Tue).
    expect((json!["values"] as Record<string, unknown>)["due"]).toBe("2027-01-05");
  });
});

describe("records_probe through gavel eval", () => {
  it("grades 10 at 95% on time and 0 below", async () => {
    const onTime = (i: number) => ({ received: "2026-02-12", resolved: "2026-02-26", limit: 5 + (i % 3) });
    const late = { received: "2026-02-12", resolved: "2026-02-27", limit: 5 };
    const twenty = [...Array.from({ length: 19 }, (_, i) => onTime(i)), late];
    const pass = await evalJson("records-probe.gavel", { cases: twenty });
    expect(pass.code).toBe(0);
    expect(pass.json!["values"]).toEqual({ total: 20, on_time: 19, rate: { num: "19", den: "20", decimal: "0.95" } });
    expect(pass.json!["score"]).toBe(10);
    const fail = await evalJson("records-probe.gavel", { cases: [...twenty.slice(0, 18), late, late] });
    expect(fail.json!["score"]).toBe(0);
  });

  it("names an empty list's division by zero", async () => {
    const run = await gavel(["eval", join(PROBES, "records-probe.gavel"), "--input", JSON.stringify({ cases: [] })], work);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("DIVISION_BY_ZERO");
  });
});
