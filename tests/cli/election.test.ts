/**
 * `gavel eval`, `gavel test` and `gavel fmt` on the election and rating kinds, as a subprocess from the
 * repository root: the contract command of issue 10 is run word for word.
 */
import { describe, expect, it } from "vitest";
import { gavel, repoRoot } from "./run-gavel";

const CONTRACT_INPUT = '{"registered":1000,"voters":600,"ballots":600,"invalid":4,"seats":3,"round":1,"candidates":{"王建国":400,"李秀英":350,"张伟":320,"刘洋":320}}';

interface ElectionJson {
  kind: string;
  outcome: string;
  elected: string[];
  tied: string[];
  facts: Record<string, number>;
  explanation: { clause: string; detail: string }[];
}

describe("gavel eval on the std village_committee election", () => {
  it("prints the contract result: outcome, elected, tied and every threshold with its numbers", async () => {
    const run = await gavel(["eval", "dsl/std/village-committee-election.gavel", "--rule", "village_committee", "--format", "json", "--input", CONTRACT_INPUT], repoRoot);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as ElectionJson;
    expect(result.kind).toBe("election");
    expect(result.outcome).toBe("tie");
    expect(result.elected).toEqual(["王建国", "李秀英"]);
    expect(result.tied).toEqual(["张伟", "刘洋"]);
    expect(result.facts.valid).toBe(596);
    const details = result.explanation.map((s) => s.detail);
    expect(details).toEqual(
      expect.arrayContaining([
        "600 > 600 → false",
        "600 > 1/2 × 1000 = 500 → true",
        "王建国: 400 > 1/2 × 600 = 300 → true",
        "刘洋: 320 > 1/2 × 600 = 300 → true",
      ]),
    );
  });

  it("gives elected and an empty tied for a complete round, and the runoff of round 2 against a third of the ballots", async () => {
    const complete = await gavel(["eval", "dsl/std/village-committee-election.gavel", "--rule", "village_committee", "--format", "json", "--input", CONTRACT_INPUT.replace('"刘洋":320', '"刘洋":319')], repoRoot);
    expect(complete.code).toBe(0);
    expect(JSON.parse(complete.stdout)).toMatchObject({ outcome: "complete", elected: ["王建国", "李秀英", "张伟"], tied: [] });
    const second = await gavel(
      ["eval", "dsl/std/village-committee-election.gavel", "--rule", "village_committee", "--input", '{"registered":1000,"voters":600,"ballots":600,"invalid":4,"seats":1,"round":2,"candidates":{"张伟":199,"刘洋":198}}'],
      repoRoot,
    );
    expect(second.code).toBe(0);
    const result = JSON.parse(second.stdout) as ElectionJson;
    expect(result).toMatchObject({ outcome: "incomplete", elected: [], tied: [] });
    expect(result.explanation.map((s) => s.detail)).toContain("张伟: 199 >= 1/3 × 600 = 200 → false");
  });

  it("fails with exit 1 and the numbers when the votes cannot fit the valid ballots", async () => {
    const run = await gavel(
      ["eval", "dsl/std/village-committee-election.gavel", "--rule", "village_committee", "--input", CONTRACT_INPUT.replace('"王建国":400', '"王建国":597')],
      repoRoot,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("INCONSISTENT_VOTES");
    expect(run.stderr).toContain("王建国 has 597 votes, more than the 596 valid ballots");
    const chinese = await gavel(
      ["eval", "dsl/std/village-committee-election.gavel", "--rule", "village_committee", "--lang", "zh", "--input", CONTRACT_INPUT.replace('"seats":3', '"seats":1')],
      repoRoot,
    );
    expect(chinese.code).toBe(1);
    expect(chinese.stderr).toContain("候选人共得 1390 票，多于有效票 596 张 × 应选 1 名 = 596 票");
  });

  it("refuses candidates that are not votes by name as a usage error (exit 2)", async () => {
    const run = await gavel(["eval", "dsl/std/village-committee-election.gavel", "--rule", "village_committee", "--input", CONTRACT_INPUT.replace(/"candidates":\{[^}]*\}/, '"candidates":[400]')], repoRoot);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("candidates");
  });

  it("explains a round in text", async () => {
    const run = await gavel(["eval", "dsl/std/village-committee-election.gavel", "--rule", "village_committee", "--format", "text", "--input", CONTRACT_INPUT], repoRoot);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("(village_committee): tie");
    expect(run.stdout).toContain("elected: 王建国、李秀英; tied: 张伟、刘洋");
  });
});

describe("gavel test and fmt on the new std files and the rating example", () => {
  it("passes every test with full coverage, and the files are canonical", async () => {
    const files = ["dsl/std/village-committee-election.gavel", "dsl/std/residents-meeting.gavel", "dsl/std/recall.gavel", "examples/democratic-rating.gavel"];
    const test = await gavel(["test", ...files, "--coverage"], repoRoot);
    expect(test.stderr).toBe("");
    expect(test.code).toBe(0);
    expect(test.stdout).toContain("0 failed");
    const fmt = await gavel(["fmt", "--check", ...files], repoRoot);
    expect(fmt.code).toBe(0);
  });

  it("evaluates a rating: shares and grade, with counts a scorecard can take", async () => {
    const run = await gavel(["eval", "examples/democratic-rating.gavel", "--input", '{"满意":20,"基本满意":6,"不满意":4}'], repoRoot);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { kind: string; grade: string; counts: Record<string, number> };
    expect(result).toMatchObject({ kind: "rating", grade: "优秀", counts: { 满意: 20, 基本满意: 6, 不满意: 4 } });
    const review = await gavel(["eval", "examples/democratic-evaluation.gavel", "--rule", "民主测评", "--input", JSON.stringify(result.counts)], repoRoot);
    expect(review.code).toBe(0);
    expect(JSON.parse(review.stdout)).toMatchObject({ kind: "scorecard" });
  });
});
