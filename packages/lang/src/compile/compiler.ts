/** compile(): source → analyse (parse, imports, check) → compiled rules with exact and fast evaluators. */

import { analyse, criteriaOf, ruleSettings, type AnalysedModule, type RuleInfo, ELECTION_OUTCOMES, VOTE_OUTCOMES } from "../check/index.ts";
import { evaluateExact } from "../eval/index.ts";
import { localizeDiagnostic, type Locale } from "../diagnostics/index.ts";
import { buildDecider } from "./fastpath.ts";
import { buildVoteExplainer } from "./explained-vote.ts";
import { buildScorecardExplainer } from "./explained-scorecard.ts";
import { inputSchema, ruleInputs } from "./schema.ts";
import type { CompiledModule, CompiledRule, CompileOptions, CoverageUnit } from "../types.ts";

function coverageUnitsOf(info: RuleInfo): CoverageUnit[] {
  const d = info.decl;
  const units: CoverageUnit[] = [];
  if (d.kind === "election") {
    for (const outcome of ELECTION_OUTCOMES) {
      units.push({ id: `${d.name}:outcome:${outcome}`, rule: d.name, description: `outcome ${outcome}`, span: d.nameSpan });
    }
    return units;
  }
  if (d.kind === "rating") {
    for (const m of d.members) {
      if (m.kind === "grade") m.bands.forEach((b, i) => units.push({ id: `${d.name}:grade:${i}`, rule: d.name, description: `grade "${b.label}"`, span: b.span }));
    }
    return units;
  }
  if (d.kind === "vote") {
    for (const outcome of VOTE_OUTCOMES) {
      units.push({ id: `${d.name}:outcome:${outcome}`, rule: d.name, description: `outcome ${outcome}`, span: d.nameSpan });
    }
    for (const m of d.members) {
      if (m.kind !== "clause") continue;
      for (const v of [true, false]) units.push({ id: `${d.name}:${m.name}:${v}`, rule: d.name, description: `${m.name} ${v}`, span: m.span });
    }
    return units;
  }
  for (const member of d.members) {
    if (member.kind === "criterion") {
      for (const m of criteriaOf(member)) m.bands.forEach((b, i) => units.push({ id: `${d.name}:${m.name}:${i}`, rule: d.name, description: `criterion ${m.name}, band ${i + 1}`, span: b.span }));
    } else if (member.kind === "grade") {
      member.bands.forEach((b, i) => units.push({ id: `${d.name}:grade:${i}`, rule: d.name, description: `grade "${b.label}"`, span: b.span }));
    }
  }
  return units;
}

function compiledRule(info: RuleInfo): CompiledRule {
  const d = info.decl;
  let fast: CompiledRule["decide"] | undefined;
  const rule: CompiledRule = {
    name: d.name,
    label: d.label ?? d.name,
    kind: d.kind,
    settings: ruleSettings(d),
    inputs: ruleInputs(d),
    inputSchema: inputSchema(d),
    span: d.span,
    // A vote's or scorecard's explained result is generated like decide() on the first evaluate(), for the same reason.
    evaluate: (input) => {
      const generated = d.kind === "vote" ? buildVoteExplainer(info) : d.kind === "scorecard" ? buildScorecardExplainer(info) : undefined;
      const explained = generated ?? ((x: unknown) => evaluateExact(info, x));
      rule.evaluate = explained;
      return explained(input);
    },
    // The fast path is generated on the first decide(), not at compile: most rules of a large file are
    // stored or evaluated with explanations, never decided, and generating it was a fifth of compile.
    decide: (input) => {
      fast ??= buildDecider(info);
      rule.decide = fast;
      return fast(input);
    },
  };
  return rule;
}

/**
 * The compiled module of an analysed one. `compiled` holds the modules compiled so far in this compile(), so that an
 * imported file's rules are compiled once and every importer's scope holds the same rule objects.
 */
function compileAnalysed(analysed: AnalysedModule, locale: Locale, compiled: Map<AnalysedModule, CompiledModule>): CompiledModule {
  const done = compiled.get(analysed);
  if (done) return done;
  const scope = new Map<string, CompiledRule>();
  for (const imported of analysed.imports) {
    for (const rule of compileAnalysed(imported, locale, compiled).rules) scope.set(rule.name, rule);
  }
  const rules = analysed.rules.map(compiledRule);
  for (const rule of rules) scope.set(rule.name, rule);
  const module: CompiledModule = {
    file: analysed.file,
    ok: analysed.ok,
    rulesOk: analysed.rulesOk,
    diagnostics: locale === "en" ? analysed.diagnostics : analysed.diagnostics.map((d) => localizeDiagnostic(d, locale)),
    rules,
    scope,
    tests: analysed.tests.map((t) => ({ name: t.name, rule: t.rule, span: t.span })),
    coverageUnits: analysed.rules.flatMap(coverageUnitsOf),
    analysed,
  };
  compiled.set(analysed, module);
  return module;
}

/** Compiles a source file (and its imports) once; evaluate its rules many times. Never throws. */
export function compile(source: string, options: CompileOptions = {}): CompiledModule {
  return compileAnalysed(analyse(source, options), options.locale ?? "en", new Map());
}
