/**
 * The built-in facts and outcomes of the rule kinds: the one list that the checker, schema, evaluator, fast path,
 * margins, semantic diff and language service all read, so that a new fact cannot be known to some and not others.
 */

/** The counts a vote's caller supplies, in this order (the fast path's variables follow it). */
export const VOTE_INPUT_FACTS = ["entitled", "present", "yes", "no", "abstain"] as const;
/** Every fact a vote's clauses may name: the inputs and `cast` (= yes + no + abstain). */
export const VOTE_FACTS = [...VOTE_INPUT_FACTS, "cast"] as const;
/** A vote's outcomes, in the order the fast path indexes them. */
export const VOTE_OUTCOMES = ["passed", "rejected", "no_quorum"] as const;
/** The counts an election's caller supplies; `valid` (= ballots − invalid) is derived, `votes` is one candidate's. */
export const ELECTION_INPUT_FACTS = ["registered", "voters", "ballots", "invalid", "seats", "round"] as const;
export const ELECTION_FACTS = [...ELECTION_INPUT_FACTS, "valid"] as const;
export const ELECTION_OUTCOMES = ["void_ballots", "void_turnout", "complete", "runoff", "incomplete", "tie"] as const;

/** Bilingual labels of the facts, for hover, schemas and explanations. */
export const FACT_LABELS: Record<string, string> = {
  entitled: "应到 / entitled: members on the roster",
  present: "实到 / present: members actually present",
  yes: "赞成 / yes votes",
  no: "反对 / no votes",
  abstain: "弃权 / abstentions",
  cast: "投票 / votes cast = yes + no + abstain",
  registered: "登记选民 / registered voters",
  voters: "参加投票 / people who voted",
  ballots: "收回选票 / ballots returned (cast), invalid ones included",
  invalid: "无效票 / invalid ballots",
  valid: "有效票 / valid ballots = ballots - invalid",
  seats: "应选名额 / seats to fill in this round",
  round: "轮次 / round: 1, or 2 and later for 另行选举",
  votes: "得票 / one candidate's votes (in elected: and runoff:)",
};
