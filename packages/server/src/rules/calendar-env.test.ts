import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileRuleFile, serverCalendar } from "./rule-registry.ts";

const dir = mkdtempSync(join(tmpdir(), "gavel-calendar-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("GAVEL_CALENDAR", () => {
  it("lays the named files over the built-in calendar for every compile of the service", () => {
    const file = join(dir, "cn-2027.json");
    writeFileSync(file, JSON.stringify({ years: { "2027": { holidays: ["2027-01-01"] } } }));
    expect(serverCalendar({ GAVEL_CALENDAR: ` ${file} ` })).toHaveLength(1);
    const { module } = compileRuleFile("due", "scorecard due {\n input d: date\n let due = add_workdays(d, 3)\n criterion c max 1 {\n 1 when due > 2027-01-01\n 0 otherwise\n }\n}", () => undefined);
    const out = module.rules[0]!.evaluate({ d: "2026-12-30" });
    expect(out.ok && out.result.values["due"]).toBe("2027-01-05");
  });
});
