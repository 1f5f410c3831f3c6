/** TypeBox schemas of every request and response (validation and the OpenAPI document at /docs). */

import { Type, type TSchema } from "@sinclair/typebox";
import { ROLES } from "../access/roles.ts";
import { RULE_NAME_PATTERN } from "../rules/rule-name.ts";

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: "Stable machine-readable code, e.g. NOT_ON_ROSTER" }),
      message: Type.String(),
      details: Type.Unknown({ description: "Structured context: diagnostics, schema problems, ids" }),
    }),
  },
  { description: "Every error has this shape" },
);

/** The largest version number the store holds (PostgreSQL `integer`); larger numbers are refused by the schema, not the database. */
export const MAX_VERSION = 2 ** 31 - 1;

/** OpenAPI `security` of routes that need no token (reads and stateless evaluation). */
export const PUBLIC: Record<string, string[]>[] = [];

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

/** A route's responses: its success schemas plus the error shape for 400, 500 and each other status it can answer. */
export function withErrors<T extends Record<number, TSchema>>(ok: T, ...statuses: ErrorStatus[]): T & Partial<Record<ErrorStatus, typeof ErrorResponse>> {
  const errors: Partial<Record<ErrorStatus, typeof ErrorResponse>> = {};
  // A route that checks tokens can also answer 429 (too many failed authentications).
  const limited: ErrorStatus[] = statuses.includes(401) ? [429] : [];
  for (const status of [400, ...statuses, ...limited, 500] as ErrorStatus[]) errors[status] = ErrorResponse;
  return { ...errors, ...ok };
}

/** A string enum as plain `{ type: "string", enum }` (keeps serialisation simple and property order intact). */
function StringEnum<T extends string>(values: readonly T[], description?: string) {
  return Type.Unsafe<T>({ type: "string", enum: [...values], ...(description ? { description } : {}) });
}

const Exact = Type.Unknown({ description: "An exact number: a JSON integer or { num, den, decimal }" });
const Timestamp = Type.String({ format: "date-time" });

export const RuleNameParam = Type.Object({ name: Type.String({ pattern: RULE_NAME_PATTERN, description: "Rule file name: letters (any script), digits, _ and -" }) });
export const VersionQuery = Type.Object({ version: Type.Optional(Type.String({ pattern: "^[1-9][0-9]{0,8}$", description: "A stored version number (default: latest)" })) });

export const ExplanationStep = Type.Object(
  { clause: Type.String(), text: Type.String(), detail: Type.String(), result: Type.Unknown(), span: Type.Object({ line: Type.Integer(), column: Type.Integer() }) },
  { additionalProperties: true },
);

export const RuleResult = Type.Object(
  {
    rule: Type.String(),
    label: Type.String(),
    kind: StringEnum(["vote", "scorecard", "election", "rating"]),
    outcome: Type.Optional(
      StringEnum(["passed", "rejected", "no_quorum", "void_ballots", "void_turnout", "complete", "runoff", "incomplete", "tie"], "A vote's or an election round's outcome"),
    ),
    facts: Type.Optional(Type.Record(Type.String(), Type.Integer(), { description: "A vote's counts (entitled … cast) or an election round's (registered … round)" })),
    elected: Type.Optional(Type.Array(Type.String(), { description: "An election: the names elected in this round, most votes first" })),
    tied: Type.Optional(Type.Array(Type.String(), { description: "An election: the tie group at the last seat (empty unless outcome is tie)" })),
    candidates: Type.Optional(Type.Array(Type.Object({ name: Type.String(), votes: Type.Integer(), qualified: Type.Boolean() }))),
    ballots: Type.Optional(Type.Integer({ description: "A rating: the number of rating ballots" })),
    levels: Type.Optional(Type.Array(Type.Object({ name: Type.String(), count: Type.Integer(), share: Exact }))),
    counts: Type.Optional(Type.Record(Type.String(), Type.Integer(), { description: "A rating: the count of each level, the input of a scorecard named after the levels" })),
    score: Type.Optional(Exact),
    max: Type.Optional(Exact),
    grade: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    criteria: Type.Optional(Type.Array(Type.Object({ name: Type.String(), label: Type.String(), points: Exact, max: Exact, reason: Type.String() }, { additionalProperties: true }))),
    // Always present; declared optional only because the serialiser writes required fields first, and the
    // outcome or score should come before the values and the explanation when people read the JSON.
    values: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: "Always present: every clause, let and criterion value" })),
    explanation: Type.Optional(Type.Array(ExplanationStep, { description: "Always present: each step with its source text and substituted values" })),
  },
  { additionalProperties: true, description: "The result JSON shared by CLI, API and editor (docs/design.md section 4)" },
);

const Diagnostic = Type.Object({ severity: Type.String(), code: Type.String(), message: Type.String(), span: Type.Unknown(), file: Type.Optional(Type.String()) }, { additionalProperties: true });

export const RuleVersionInfo = Type.Object({ name: Type.String(), version: Type.Integer(), sha256: Type.String(), author: Type.String(), createdAt: Timestamp });

const RuleSummary = Type.Object({
  name: Type.String(),
  label: Type.String(),
  kind: Type.String(),
  inputs: Type.Array(Type.Object({ name: Type.String(), type: Type.String(), label: Type.String() }, { additionalProperties: true })),
  inputSchema: Type.Unknown(),
});

export const RuleList = Type.Object({ rules: Type.Array(Type.Composite([RuleVersionInfo, Type.Object({ versions: Type.Integer() })])) });

export const StoredRule = Type.Composite([
  RuleVersionInfo,
  Type.Object({
    rules: Type.Array(RuleSummary, { description: "Rules defined or imported by the file" }),
    warnings: Type.Array(Diagnostic),
    imports: Type.Array(Type.Object({ path: Type.String(), sha256: Type.String() }), { description: "Every file the version imports, pinned as it was when stored" }),
    resolvedSha256: Type.String({ description: "sha256 of the source with every pinned import: equal digests mean equal rules" }),
  }),
]);

export const RuleDetail = Type.Composite([StoredRule, Type.Object({ source: Type.String(), versions: Type.Array(RuleVersionInfo) })]);

export const PutRuleBody = Type.Union([Type.Object({ source: Type.String() }, { additionalProperties: false }), Type.String({ description: "The rule file as text/plain" })]);

export const EvaluateBody = Type.Object(
  {
    rule: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "Which rule of the file (default: the one named like the file, or its only rule)" })),
    input: Type.Record(Type.String(), Type.Unknown(), { description: "Validated against the rule's input JSON Schema" }),
  },
  { additionalProperties: false },
);

const MemberId = Type.String({ minLength: 1, maxLength: 200 });
export const Choice = StringEnum(["yes", "no", "abstain"]);
export const BallotState = StringEnum(["draft", "open", "closed"]);

export const CreateBallotBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 500 }),
    rule: Type.String({ pattern: RULE_NAME_PATTERN, description: "Rule file in the registry" }),
    ruleVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_VERSION, description: "Pin this version (default: the latest at creation)" })),
    ruleName: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "Which vote rule of the file (default: the one named like the file, or its only vote)" })),
    roster: Type.Array(Type.Object({ id: MemberId, name: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }), { maxItems: 100_000 }),
    secret: Type.Optional(Type.Boolean({ description: "Keep who voted apart from what they voted" })),
  },
  { additionalProperties: false },
);

export const BallotIdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
export const MemberBody = Type.Object({ member: MemberId }, { additionalProperties: false });
export const VoteBody = Type.Object({ member: MemberId, choice: Choice }, { additionalProperties: false });

const Tally = Type.Object({ entitled: Type.Integer(), present: Type.Integer(), yes: Type.Integer(), no: Type.Integer(), abstain: Type.Integer() });

export const Ballot = Type.Object({
  id: Type.String(),
  title: Type.String(),
  rule: Type.Object({ name: Type.String(), version: Type.Integer(), entry: Type.String(), sha256: Type.String() }),
  secret: Type.Boolean(),
  state: BallotState,
  createdBy: Type.String(),
  createdAt: Timestamp,
  openedAt: Type.Union([Timestamp, Type.Null()]),
  closedAt: Type.Union([Timestamp, Type.Null()]),
  roster: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), present: Type.Boolean(), voted: Type.Boolean() })),
  counts: Type.Object({ entitled: Type.Integer(), present: Type.Integer(), voted: Type.Integer() }),
  tally: Type.Union([Tally, Type.Null()]),
  result: Type.Union([RuleResult, Type.Null()]),
  votes: Type.Union([Type.Array(Type.Object({ member: Type.String(), choice: Choice })), Type.Null()]),
});

export const BallotList = Type.Object({
  ballots: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), state: BallotState, rule: Type.String(), ruleVersion: Type.Integer(), createdAt: Timestamp })),
});

export const AttendanceReceipt = Type.Object({ ballot: Type.String(), member: Type.String(), present: Type.Literal(true), alreadyPresent: Type.Boolean() });
export const VoteReceipt = Type.Object({ ballot: Type.String(), member: Type.String(), recorded: Type.Literal(true) });

export const AuditEvent = Type.Object({
  ballot: Type.String(),
  seq: Type.Integer(),
  type: Type.String(),
  actor: Type.String(),
  at: Type.String(),
  data: Type.Unknown(),
  prevHash: Type.String(),
  hash: Type.String(),
});
export const AuditLog = Type.Object({ ballot: Type.String(), events: Type.Array(AuditEvent) });
const Sha256Hex = Type.String({ pattern: "^[0-9a-f]{64}$", description: "A sha256 in lower-case hex" });
export const AuditHead = Type.Object({
  ballot: Type.String(),
  seq: Type.Integer({ description: "The number of events in the chain (0 before any)" }),
  hash: Type.String({ description: "The last event's hash: keep it outside the database and pass it to verify as ?head=" }),
  state: BallotState,
});
export const AuditVerifyQuery = Type.Object({ head: Type.Optional(Type.String({ pattern: "^[0-9a-f]{64}$", description: "A head kept earlier (GET …/audit/head): verify that the log still contains it" })) });
export const AuditVerification = Type.Object({
  ballot: Type.String(),
  intact: Type.Boolean({ description: "True when problems is empty" }),
  events: Type.Integer(),
  head: Type.String(),
  brokenAt: Type.Optional(Type.Object({ seq: Type.Integer(), problem: Type.String() }, { description: "The first chain problem" })),
  problems: Type.Array(
    Type.Object({
      code: Type.String({ description: "AUDIT_SEQ_GAP, AUDIT_LINK_BROKEN, AUDIT_EVENT_ALTERED, AUDIT_HEAD_MISMATCH, AUDIT_ORDER_INVALID, ANCHOR_NOT_FOUND, BALLOT_MISMATCH, STATE_MISMATCH, ROSTER_MISMATCH, ATTENDANCE_MISMATCH, VOTERS_MISMATCH, CHOICES_MISMATCH, RULE_SOURCE_MISMATCH, TALLY_MISMATCH, RESULT_MISMATCH, RULE_EVALUATION_FAILED" }),
      message: Type.String(),
      seq: Type.Optional(Type.Integer()),
      details: Type.Optional(Type.Unknown()),
    }),
    { description: "Every mismatch found, in the order checked" },
  ),
  anchor: Type.Optional(Type.Object({ hash: Sha256Hex, seq: Type.Union([Type.Integer(), Type.Null()]) }, { description: "The kept head and the event that has it (null: none)" })),
});

/**
 * A JSON assessment body holds at most this many subjects and bytes: JSON is parsed whole on the event loop
 * (2 MiB parse in about 0.2 s here at worst), so bigger uploads go as a streamed CSV (up to 1,000,000 rows).
 */
export const MAX_JSON_SUBJECTS = 10_000;
export const ASSESSMENT_JSON_BODY_LIMIT = 2 * 1024 * 1024;

export const AssessmentBody = Type.Object(
  {
    rule: Type.String({ pattern: RULE_NAME_PATTERN }),
    ruleVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_VERSION })),
    ruleName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    subjects: Type.Optional(
      Type.Array(Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }), input: Type.Record(Type.String(), Type.Unknown()) }, { additionalProperties: false }), {
        maxItems: MAX_JSON_SUBJECTS,
        description: "The subjects and their inputs (or name a closed rating item instead)",
      }),
    ),
    item: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "A closed rating item of a meeting: its subjects are assessed on the meeting's own counts" })),
    levels: Type.Optional(Type.Record(Type.String(), Type.String({ minLength: 1, maxLength: 200 }), { description: "With item: the scorecard input each rating level fills (default: the level's own name)" })),
    inputs: Type.Optional(Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown()), { description: "With item: each subject's other inputs, by subject name" })),
  },
  { additionalProperties: false },
);
export const AssessmentQuery = Type.Object({
  rule: Type.Optional(Type.String({ pattern: RULE_NAME_PATTERN, description: "The rule file (required with a CSV body)" })),
  version: Type.Optional(Type.String({ pattern: "^[1-9][0-9]{0,8}$" })),
  ruleName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});
export const AssessmentResponse = Type.Object({
  rule: Type.Object({ name: Type.String(), version: Type.Integer(), entry: Type.String() }),
  count: Type.Integer(),
  results: Type.Array(
    Type.Object({ rank: Type.Integer(), id: Type.String(), score: Exact, grade: Type.Union([Type.String(), Type.Null()]), criteria: Type.Array(Type.Unknown()), result: RuleResult }),
  ),
});

export const Role = StringEnum(ROLES);
export const TokenInfo = Type.Object({ id: Type.String(), name: Type.String(), role: Role, createdBy: Type.String(), createdAt: Timestamp, revokedAt: Type.Union([Timestamp, Type.Null()]) });
export const CreatedToken = Type.Composite([TokenInfo, Type.Object({ token: Type.String({ description: "The secret: shown once, stored only as a hash" }) })]);
export const CreateTokenBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), role: Role }, { additionalProperties: false });
export const TokenIdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const Health = Type.Object({ status: Type.Literal("ok"), store: StringEnum(["embedded", "postgres"]) });
export const Readiness = Type.Object({ status: Type.Literal("ready"), store: StringEnum(["embedded", "postgres"]) });
