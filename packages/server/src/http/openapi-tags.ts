/** The OpenAPI document's tags: every route has exactly one of these (a new group of routes adds its tag here). */
export const OPENAPI_TAGS = [
  { name: "rules", description: "The rule registry: store immutable versions of rule files, read them, and evaluate a rule on one input" },
  { name: "ballots", description: "Ballots under a pinned rule version: roster, attendance, votes (secret or not), close with the rule's result" },
  { name: "meetings", description: "Bodies (standing rosters), meetings with one sign-in and proxies, agenda items (motions, elections, ratings) and their rounds, and each closed meeting's public notice (公示)" },
  { name: "audit", description: "Each ballot's append-only, hash-chained event log: read it, keep its head, verify it" },
  { name: "assessments", description: "Score and rank many subjects with one scorecard, from JSON or a streamed CSV" },
  { name: "access", description: "Bearer tokens and their roles (managed by admins), and who a token belongs to" },
  { name: "service", description: "Liveness, readiness and metrics for operators and load balancers" },
];
