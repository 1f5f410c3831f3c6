/**
 * check: what the checker learns about a rule (names, types, bands, bounds, settings, test blocks), and the built-in
 * facts and functions.
 * What other folders use.
 * Leaf modules first: the folders import each other (eval reads check's facts, check eval's Rational), and a module
 * evaluated early is ready for the top-level code of the others (src/layering.test.ts loads each index first).
 */
export { ELECTION_FACTS, ELECTION_INPUT_FACTS, ELECTION_OUTCOMES, FACT_LABELS, VOTE_FACTS, VOTE_INPUT_FACTS, VOTE_OUTCOMES } from "./facts.ts";
export { AGGREGATES, FUNCTIONS, FUNCTION_DOCS } from "./functions.ts";
export { applyConstant, constantValue } from "./constant-folding.ts";
export { INPUT_TYPES } from "./typing.ts";
export type { Type } from "./typing.ts";
export { ruleSettings } from "./rule-settings.ts";
export { ELECTION_CLAUSE_DOCS, criteriaOf, ratingLevels } from "./checker.ts";
export type { RuleInfo } from "./checker.ts";
export { outcomesOf, RESULT_TARGETS, ruleParameters } from "./test-blocks.ts";
export { analyse } from "./analyse.ts";
export type { AnalysedModule } from "./analyse.ts";
