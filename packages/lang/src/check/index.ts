/**
 * check: what the checker learns about a rule (names, types, bands, test blocks) and the built-in facts of each rule kind.
 * What other folders use.
 * Leaf modules first: the folders import each other (eval reads check's facts, check eval's Rational), and a module
 * evaluated early is ready for the top-level code of the others (src/layering.test.ts loads each index first).
 */
export { ELECTION_FACTS, ELECTION_INPUT_FACTS, ELECTION_OUTCOMES, FACT_LABELS, VOTE_FACTS, VOTE_INPUT_FACTS, VOTE_OUTCOMES } from "./facts.ts";
export { AGGREGATES, ELECTION_CLAUSE_DOCS, FUNCTIONS, FUNCTION_DOCS, INPUT_TYPES, applyConstant, checkRule, checkTests, constantValue, criteriaOf, outcomesOf, ratingLevels, ruleParameters, ruleSettings } from "./checker.ts";
export type { RuleInfo, Type } from "./checker.ts";
