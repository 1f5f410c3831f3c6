/**
 * The VS Code extension's TextMate grammar (packages/vscode/syntaxes/gavel.tmLanguage.json), run by vscode-textmate on
 * Oniguruma as VS Code runs it. The oracle is the language's own lexer: every token it finds in the std library and the
 * examples must get a scope of the matching class, and every keyword it knows must be highlighted as one.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { IGrammar } from "vscode-textmate";
import { beforeAll, describe, expect, it } from "vitest";
import { compile } from "../../packages/lang/src/compile/compiler.ts";
import { FUNCTIONS } from "../../packages/lang/src/check/functions.ts";
import { ELECTION_FACTS, ELECTION_OUTCOMES, VOTE_FACTS, VOTE_OUTCOMES } from "../../packages/lang/src/check/facts.ts";
import { keywordTokens, tokenize } from "../../packages/lang/src/syntax/lexer.ts";
import { repoRoot } from "../cli/run-gavel";
import { extensionRoot, loadGrammar, tokenizeText, type LineToken } from "./textmate";

const ruleFiles = [
  ...readdirSync(join(repoRoot, "dsl/std")).filter((f) => f.endsWith(".gavel")).map((f) => `dsl/std/${f}`),
  ...readdirSync(join(repoRoot, "examples")).filter((f) => f.endsWith(".gavel")).map((f) => `examples/${f}`),
];

/** The words of the lexer's keyword tokens, read from the tokens themselves: a keyword added there is checked here. */
const KEYWORDS = keywordTokens.map((t) => (t.PATTERN as RegExp).source);

/** The scope classes a grammar may give to each kind of lexer token. */
const KEYWORD_SCOPE = /^(keyword|storage\.type\.rule|constant\.language\.boolean|support\.function\.builtin)\./;
const NAME_SCOPE = /^(variable|entity\.name|support\.type|keyword\.other\.clause|constant\.language\.outcome|support\.function\.builtin)\./;
function expectedScope(tokenType: string): RegExp {
  if (KEYWORDS.some((k) => k[0]!.toUpperCase() + k.slice(1) === tokenType) || tokenType === "ErrorKw") return KEYWORD_SCOPE;
  switch (tokenType) {
    case "Identifier": return NAME_SCOPE;
    case "StringLiteral": return /^(string\.quoted\.double|punctuation\.definition\.string)/;
    case "Comment": return /^(comment\.line\.number-sign|punctuation\.definition\.comment)/;
    case "DateLiteral": return /^constant\.numeric\.date\./;
    case "Percent": return /^constant\.numeric\.percent\./;
    case "Decimal": return /^constant\.numeric\.decimal\./;
    // An integer alone, or a side of a fraction (2/3).
    case "Integer": return /^constant\.numeric\.(integer|fraction)\./;
    case "Slash": return /^(keyword\.operator\.arithmetic|constant\.numeric\.fraction)\./;
    case "GreaterEq": case "LessEq": case "NotEq": case "Greater": case "Less": case "Equals": return /^keyword\.operator\.comparison\./;
    case "Plus": case "Minus": case "Star": return /^keyword\.operator\.arithmetic\./;
    default: return /^punctuation\./; // braces, brackets, parentheses, commas, colons, `?` and `.`
  }
}

let grammar: IGrammar;
beforeAll(async () => {
  grammar = await loadGrammar();
});

/** The grammar's token at (1-based line, 1-based column) of a tokenized file. */
function tokenAt(lines: LineToken[][], line: number, column: number): LineToken {
  const found = lines[line - 1]!.find((t) => t.start <= column - 1 && column - 1 < t.end);
  if (!found) throw new Error(`no grammar token at ${line}:${column}`);
  return found;
}

/** The innermost scope of the first occurrence of `text` on the line that contains `lineText`. */
function scopeOf(source: string, lines: LineToken[][], lineText: string, text: string): string {
  const lineIndex = source.split("\n").findIndex((l) => l.includes(lineText));
  if (lineIndex < 0) throw new Error(`no line with ${lineText}`);
  const column = source.split("\n")[lineIndex]!.indexOf(text, source.split("\n")[lineIndex]!.indexOf(lineText));
  return tokenAt(lines, lineIndex + 1, column + 1).scope;
}

describe("the TextMate grammar on every std and example file", () => {
  it("finds the files (the std library and the examples)", () => {
    expect(ruleFiles.filter((f) => f.startsWith("dsl/std/")).length).toBeGreaterThanOrEqual(7);
    expect(ruleFiles.filter((f) => f.startsWith("examples/")).length).toBeGreaterThanOrEqual(6);
  });

  it.each(ruleFiles)("%s: every lexer token gets a scope of its class, and nothing is left unscoped or invalid", (file) => {
    const source = readFileSync(join(repoRoot, file), "utf8");
    const lines = tokenizeText(grammar, source);
    const lexed = tokenize(source);
    expect(lexed.diagnostics).toEqual([]);
    const mismatches: string[] = [];
    for (const token of [...lexed.tokens, ...lexed.comments]) {
      const at = tokenAt(lines, token.startLine!, token.startColumn!);
      const wanted = expectedScope(token.tokenType.name);
      if (!wanted.test(at.scope)) mismatches.push(`${token.startLine}:${token.startColumn} ${token.tokenType.name} '${token.image}' got ${at.scope}`);
    }
    expect(mismatches).toEqual([]);
    const bare = lines.flatMap((l, i) => l.filter((t) => t.scopes.length === 1 && t.text.trim() !== "").map((t) => `${i + 1}: '${t.text}'`));
    expect(bare).toEqual([]);
    expect(lines.flat().filter((t) => t.scopes.some((s) => s.startsWith("invalid."))).map((t) => t.text)).toEqual([]);
  });

  it("gives the expected scopes in std/major-matter.gavel: rule kind and name, clause, fraction, fact, string, comment, outcome", () => {
    const source = readFileSync(join(repoRoot, "dsl/std/major-matter.gavel"), "utf8");
    const lines = tokenizeText(grammar, source);
    expect(scopeOf(source, lines, "vote major_matter", "vote")).toBe("storage.type.rule.gavel");
    expect(scopeOf(source, lines, "vote major_matter", "major_matter")).toBe("entity.name.type.rule.gavel");
    expect(scopeOf(source, lines, "quorum: present", "quorum")).toBe("keyword.other.clause.gavel");
    expect(scopeOf(source, lines, "quorum: present", "present")).toBe("variable.language.fact.gavel");
    expect(scopeOf(source, lines, "quorum: present", "2/3")).toBe("constant.numeric.fraction.gavel");
    expect(scopeOf(source, lines, "quorum: present", "of entitled")).toBe("keyword.operator.of.gavel");
    expect(scopeOf(source, lines, "quorum: present", "\"实到")).toBe("punctuation.definition.string.begin.gavel");
    expect(scopeOf(source, lines, "quorum: present", "实到")).toBe("string.quoted.double.gavel");
    expect(scopeOf(source, lines, "# 要事票决法", "要事")).toBe("comment.line.number-sign.gavel");
    expect(scopeOf(source, lines, "test \"roster 0: empty", "test")).toBe("keyword.other.test.gavel");
    expect(scopeOf(source, lines, "major_matter(entitled: 0", "major_matter")).toBe("entity.name.function.rule.gavel");
    expect(scopeOf(source, lines, "major_matter(entitled: 0", "entitled")).toBe("variable.parameter.argument.gavel");
    expect(scopeOf(source, lines, "expect outcome = no_quorum", "expect")).toBe("keyword.other.expect.gavel");
    expect(scopeOf(source, lines, "expect outcome = no_quorum", "no_quorum")).toBe("constant.language.outcome.gavel");
    expect(scopeOf(source, lines, "expect quorum = false", "false")).toBe("constant.language.boolean.gavel");
    expect(scopeOf(source, lines, "expect error \"INCONSISTENT_COUNTS\"", "error")).toBe("keyword.other.error.gavel");
    expect(scopeOf(source, lines, "yes: -1", "1")).toBe("constant.numeric.integer.gavel");
  });

  it("gives Chinese names, levels, lets, grades, percentages and decimals their scopes", () => {
    const rating = readFileSync(join(repoRoot, "examples/democratic-rating.gavel"), "utf8");
    const r = tokenizeText(grammar, rating);
    expect(scopeOf(rating, r, "levels 满意", "levels")).toBe("keyword.other.levels.gavel");
    expect(scopeOf(rating, r, "levels 满意", "基本满意")).toBe("variable.parameter.level.gavel");
    expect(scopeOf(rating, r, "let 认可率", "认可率")).toBe("variable.other.constant.let.gavel");
    expect(scopeOf(rating, r, "let 认可率", "满意")).toBe("variable.other.gavel");
    expect(scopeOf(rating, r, "let 认可率", "ballots")).toBe("variable.language.fact.gavel");
    expect(scopeOf(rating, r, "\"不称职\" when", "when")).toBe("keyword.control.conditional.gavel");
    expect(scopeOf(rating, r, "\"称职\"   otherwise", "otherwise")).toBe("keyword.control.conditional.gavel");
    expect(scopeOf(rating, r, "rating cadre_rating", "rating")).toBe("storage.type.rule.gavel");

    const review = readFileSync(join(repoRoot, "examples/cadre-review.gavel"), "utf8");
    const c = tokenizeText(grammar, review);
    expect(scopeOf(review, c, "when approval >= 90%", "90%")).toBe("constant.numeric.percent.gavel");
    expect(scopeOf(review, c, "training_days: 14.5,", "14.5")).toBe("constant.numeric.decimal.gavel");

    const election = readFileSync(join(repoRoot, "dsl/std/village-committee-election.gavel"), "utf8");
    const e = tokenizeText(grammar, election);
    expect(scopeOf(election, e, "election village_committee", "election")).toBe("storage.type.rule.gavel");
    expect(scopeOf(election, e, "turnout:   voters", "turnout")).toBe("keyword.other.clause.gavel");
    expect(scopeOf(election, e, "runoff:    votes >=", ">=")).toBe("keyword.operator.comparison.gavel");
    expect(scopeOf(election, e, "candidates: {\"王建国\": 400", "王建国")).toBe("string.quoted.double.gavel");
    // A rule's settings: the keyword, and its words as one value.
    expect(scopeOf(election, e, "proxies:   at most 3", "proxies")).toBe("keyword.other.setting.gavel");
    expect(scopeOf(election, e, "proxies:   at most 3", "at most")).toBe("keyword.other.clause.setting-value.gavel");
    expect(scopeOf(election, e, "proxies:   at most 3", "3")).toBe("constant.numeric.integer.gavel");
    expect(scopeOf(election, e, "write_ins: allowed", "allowed")).toBe("keyword.other.clause.setting-value.gavel");
  });

  it("marks full-width punctuation, which the lexer rejects, as invalid", () => {
    const lines = tokenizeText(grammar, "vote v {\n  quorum：present > 0\n}");
    expect(lines[1]!.find((t) => t.text === "：")?.scope).toBe("invalid.illegal.full-width.gavel");
    expect(tokenize("quorum：present").diagnostics.map((d) => d.messageId)).toEqual(["FULL_WIDTH_CHARACTER"]);
  });
});

describe("the grammar knows every word of the language", () => {
  it("reads the keywords from the lexer (a sanity check of the derivation)", () => {
    expect(KEYWORDS).toEqual(expect.arrayContaining(["vote", "scorecard", "election", "rating", "criterion", "grade", "input", "let", "require", "quorum", "passes", "test", "expect", "import", "of", "when", "otherwise", "levels"]));
    expect(KEYWORDS).toHaveLength(keywordTokens.length);
  });

  it.each(KEYWORDS)("highlights the keyword '%s' as a keyword", (word) => {
    const [token] = tokenizeText(grammar, `  ${word}`)[0]!.filter((t) => t.text === word);
    expect(token?.scope).toMatch(KEYWORD_SCOPE);
    // Inside a longer name it is a name, as for the lexer (longer_alt).
    const inName = tokenizeText(grammar, `  ${word}_x 满意${word}`)[0]!.filter((t) => t.text.trim() !== "");
    expect(inName.map((t) => t.scope)).toEqual(["variable.other.gavel", "variable.other.gavel"]);
  });

  it.each([...FUNCTIONS])("highlights the built-in function '%s' in a call", (name) => {
    expect(tokenizeText(grammar, `  let x = ${name}(cases)`)[0]!.find((t) => t.text === name)?.scope).toBe("support.function.builtin.gavel");
  });

  it.each([...new Set([...VOTE_FACTS, ...ELECTION_FACTS, "votes", "ballots"])])("highlights the fact '%s'", (fact) => {
    expect(tokenizeText(grammar, `  let x = ${fact} + 1`)[0]!.find((t) => t.text === fact)?.scope).toBe("variable.language.fact.gavel");
  });

  it.each([...VOTE_OUTCOMES, ...ELECTION_OUTCOMES])("highlights the outcome '%s' in an expectation", (outcome) => {
    expect(tokenizeText(grammar, `    expect outcome = ${outcome}`)[0]!.find((t) => t.text === outcome)?.scope).toBe("constant.language.outcome.gavel");
  });
});

describe("the extension's snippets", () => {
  const snippets = JSON.parse(readFileSync(join(extensionRoot, "snippets/gavel.json"), "utf8")) as Record<string, { prefix: string | string[]; body: string[] }>;
  /** The text a snippet inserts when every placeholder keeps its default (the first choice of a choice). */
  const expand = (body: string[]): string => {
    let text = body.join("\n");
    for (let i = 0; i < 5; i++) text = text.replace(/\$\{\d+:([^{}]*)\}/g, "$1").replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, "$1");
    return text.replace(/\$\d+/g, "");
  };

  it("has a snippet for every rule kind and block", () => {
    const prefixes = Object.values(snippets).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
    expect(prefixes).toEqual(expect.arrayContaining(["vote", "scorecard", "election", "rating", "test", "criterion", "grade", "input", "let", "require", "levels", "import", "expect"]));
  });

  it.each(["vote", "scorecard", "election", "rating"])("the %s snippet, as inserted, is a rule that compiles", (kind) => {
    const source = expand(snippets[kind]!.body);
    expect(compile(source).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("the test snippet, filled in for a vote snippet, compiles and its test passes", async () => {
    const vote = expand(snippets["vote"]!.body);
    const test = expand(snippets["test"]!.body).replace("rule(", "name(");
    const module = compile(`${vote}\n${test}`);
    expect(module.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const { runTests } = await import("../../packages/lang/src/tooling/testing.ts");
    expect(runTests(module).results.map((r) => r.passed)).toEqual([true]);
  });
});

describe("words that look like calls", () => {
  it("reads `of (` as the operator, not a call of a rule named of", async () => {
    const g = await loadGrammar();
    const [line] = tokenizeText(g, "  passes: yes >= 2/3 of (yes + no) and not (no > 0)");
    expect(line!.find((t) => t.text === "of")?.scope).toBe("keyword.operator.of.gavel");
    expect(line!.find((t) => t.text === "not")?.scope).toBe("keyword.operator.logical.gavel");
  });
});

describe("the language configuration", () => {
  const config = JSON.parse(readFileSync(join(extensionRoot, "language-configuration.json"), "utf8")) as {
    comments: { lineComment: string };
    brackets: [string, string][];
    autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
    indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
    wordPattern: { pattern: string; flags: string };
  };

  it("comments with #, pairs braces, parentheses and quotes", () => {
    expect(config.comments.lineComment).toBe("#");
    expect(config.brackets).toEqual([["{", "}"], ["(", ")"]]);
    expect(config.autoClosingPairs.map((p) => p.open + p.close)).toEqual(["{}", "()", '""']);
  });

  it("indents after a line that opens a block, not after a brace in a string or comment, and outdents at }", () => {
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
    for (const line of ['vote v "过半数" {', "  grade {", "  criterion c max 10 {  # bands", 'test "a { b" {']) expect(increase.test(line), line).toBe(true);
    for (const line of ['  "优秀" when x', '  let x = 1  "a {"', "# {", "}"]) expect(increase.test(line), line).toBe(false);
    expect(decrease.test("  }")).toBe(true);
    expect(decrease.test("  quorum: x")).toBe(false);
  });

  it("takes a Chinese name, and a percentage, as one word", () => {
    const word = new RegExp(config.wordPattern.pattern, `${config.wordPattern.flags}g`);
    expect("let 认可率 = 满意_2 / 90%".match(word)).toEqual(["let", "认可率", "满意_2", "90%"]);
  });
});
