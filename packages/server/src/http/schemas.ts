/**
 * TypeBox schemas of every request and response (validation and the OpenAPI document at /docs).
 *
 * OpenAPI conventions (new routes follow them; tests/server/openapi.test.ts lints the document):
 * - A shape used by a client gets a `$id` (PascalCase: Ballot, Error, Rule, …), is listed in `SHARED_SCHEMAS`
 *   (added with app.addSchema, so it is components.schemas.<$id>) and is used through `ref(Schema)`, never inlined.
 * - Every route has an `operationId` (camelCase verb + noun: listRules, castVote), a tag from app.ts's tags,
 *   a `summary`, and `response: withErrors({ 2xx: … }, …statuses)`: errors are always `application/json` Error.
 * - Bodies in other media types are declared per media type (`body: { content: { "text/plain": … } }`);
 *   responses in several media types use `content(…)`.
 * - Schemas of requests carry an `example` (OpenAPI 3.0 keyword) that the schema itself accepts.
 */

import { Type, type Static, type TSchema, type TUnsafe } from "@sinclair/typebox";
import { ROLES } from "../access/roles.ts";
import { RULE_NAME_PATTERN } from "../rules/rule-name.ts";

/** A `$ref` to a shared schema (one with a `$id`), typed as the schema itself. */
export function ref<T extends TSchema>(schema: T): TUnsafe<Static<T>> {
  if (schema.$id === undefined) throw new Error("ref() needs a shared schema: one with a $id");
  return Type.Unsafe<Static<T>>({ $ref: schema.$id });
}

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: "Stable machine-readable code, e.g. NOT_ON_ROSTER" }),
      message: Type.String(),
      details: Type.Unknown({ description: "Structured context: diagnostics, schema problems, ids" }),
    }),
  },
  { $id: "Error", description: "Every error has this shape", example: { error: { code: "RULE_NOT_FOUND", message: "There is no rule file 'budget'.", details: { name: "budget" } } } },
);

/** The largest version number the store holds (PostgreSQL `integer`); larger numbers are refused by the schema, not the database. */
export const MAX_VERSION = 2 ** 31 - 1;

/** OpenAPI `security` of routes that need no token (reads and stateless evaluation). */
export const PUBLIC: Record<string, string[]>[] = [];

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: "Bad request: the body, path or query does not fit the schema",
  401: "No token, or a token that is not valid",
  403: "The token's role may not do this",
  404: "Not found",
  409: "Conflict with the current state",
  413: "The body is too large",
  415: "Unsupported media type",
  422: "Understood, but refused: see the error code",
  429: "Too many failed authentications from this address",
  500: "Internal error (logged; never a stack trace)",
  503: "Not available now",
};

/** A response in one or more media types (the OpenAPI `content` form, which Fastify also serialises by media type). */
export function content<T extends Record<string, TSchema>>(description: string, media: T): { description: string; content: { [K in keyof T]: { schema: T[K] } } } {
  const entries = Object.entries(media).map(([type, schema]) => [type, { schema }]);
  return { description, content: Object.fromEntries(entries) as { [K in keyof T]: { schema: T[K] } } };
}

const errorSchema = ref(ErrorResponse);
type ErrorContent = { description: string; content: { "application/json": { schema: typeof errorSchema } } };

/** A route's responses: its success schemas plus the Error shape (application/json) for 400, 500 and each other status it can answer. */
export function withErrors<T extends Record<number, unknown>>(ok: T, ...statuses: ErrorStatus[]): T & Partial<Record<ErrorStatus, ErrorContent>> {
  const errors: Partial<Record<ErrorStatus, ErrorContent>> = {};
  // A route that checks tokens can also answer 429 (too many failed authentications).
  const limited: ErrorStatus[] = statuses.includes(401) ? [429] : [];
  for (const status of [400, ...statuses, ...limited, 500] as ErrorStatus[]) errors[status] = content(ERROR_DESCRIPTIONS[status], { "application/json": errorSchema });
  return { ...errors, ...ok };
}

/** A string enum as plain `{ type: "string", enum }` (keeps serialisation simple and property order intact). */
function StringEnum<T extends string>(values: readonly T[], description?: string, options: { $id?: string } = {}) {
  return Type.Unsafe<T>({ ...options, type: "string", enum: [...values], ...(description ? { description } : {}) });
}

const Exact = Type.Unknown({ description: "An exact number: a JSON integer or { num, den, decimal }" });
const Timestamp = Type.String({ format: "date-time" });

export const RuleNameParam = Type.Object({ name: Type.String({ pattern: RULE_NAME_PATTERN, description: "Rule file name: letters (any script), digits, _ and -" }) });
export const VersionQuery = Type.Object({ version: Type.Optional(Type.String({ pattern: "^[1-9][0-9]{0,8}$", description: "A stored version number (default: latest)" })) });

export const ExplanationStep = Type.Object(
  { clause: Type.String(), text: Type.String(), detail: Type.String(), result: Type.Unknown(), span: Type.Object({ line: Type.Integer(), column: Type.Integer() }) },
  { $id: "ExplanationStep", additionalProperties: true, description: "One step of a result's explanation: the clause, its source text and its substituted values" },
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
    candidates: Type.Optional(
      Type.Array(
        Type.Object({
          name: Type.String(),
          votes: Type.Integer(),
          qualified: Type.Boolean(),
          needed: Type.Optional(Type.Union([Type.Integer(), Type.Null()], { description: "The least votes that meet the round's clause; null when none can" })),
          margin: Type.Optional(Type.Union([Type.Integer(), Type.Null()], { description: "votes − needed, negative when short" })),
        }),
      ),
    ),
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
    margins: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: "A vote's or an election's clauses: { count, actual, needed, margin, bound, range } by clause name (dsl/README.md, margins)" }),
    ),
    explanation: Type.Optional(Type.Array(ref(ExplanationStep), { description: "Always present: each step with its source text and substituted values" })),
  },
  { $id: "RuleResult", additionalProperties: true, description: "The result JSON shared by CLI, API and editor (docs/design.md section 4)" },
);

export const Diagnostic = Type.Object(
  { severity: Type.String(), code: Type.String(), message: Type.String(), span: Type.Unknown(), file: Type.Optional(Type.String()) },
  { $id: "Diagnostic", additionalProperties: true, description: "A compiler diagnostic: severity error or warning, a stable code, the message and the source span" },
);

const RuleVersionFields = { name: Type.String(), version: Type.Integer(), sha256: Type.String(), author: Type.String(), createdAt: Timestamp };
export const RuleVersionInfo = Type.Object(RuleVersionFields, { $id: "RuleVersion", description: "One stored, immutable version of a rule file" });

export const RuleSummary = Type.Object(
  {
    name: Type.String(),
    label: Type.String(),
    kind: Type.String(),
    inputs: Type.Array(Type.Object({ name: Type.String(), type: Type.String(), label: Type.String() }, { additionalProperties: true })),
    inputSchema: Type.Unknown(),
  },
  { $id: "RuleSummary", description: "A rule of a file: its kind, inputs and their JSON Schema" },
);

export const RuleList = Type.Object(
  { rules: Type.Array(Type.Object({ ...RuleVersionFields, versions: Type.Integer() })) },
  { $id: "RuleList", description: "Every rule file with its latest version and how many versions it has" },
);

const StoredRuleFields = {
  ...RuleVersionFields,
  rules: Type.Array(ref(RuleSummary), { description: "Rules defined or imported by the file" }),
  warnings: Type.Array(ref(Diagnostic)),
  imports: Type.Array(Type.Object({ path: Type.String(), sha256: Type.String() }), { description: "Every file the version imports, pinned as it was when stored" }),
  resolvedSha256: Type.String({ description: "sha256 of the source with every pinned import: equal digests mean equal rules" }),
};
export const StoredRule = Type.Object(StoredRuleFields, { $id: "StoredRule", description: "A version just stored: what it defines and imports" });

export const RuleDetail = Type.Object(
  { ...StoredRuleFields, source: Type.String(), versions: Type.Array(ref(RuleVersionInfo)) },
  { $id: "Rule", description: "A rule file at one version, with its source and the file's version history" },
);

const exampleSource = 'vote simple "Simple majority" {\n  quorum: present > 1/2 of entitled\n  passes: yes > 1/2 of present\n}\n';
export const RuleSourceBody = Type.Object(
  { source: Type.String({ description: "The rule file's text" }) },
  { $id: "RuleSource", additionalProperties: false, description: "A rule file as JSON (or send it as text/plain)", example: { source: exampleSource } },
);
export const RuleSourceText = Type.String({ description: "The rule file as text/plain (UTF-8)", example: exampleSource });

export const EvaluateBody = Type.Object(
  {
    rule: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "Which rule of the file (default: the one named like the file, or its only rule)" })),
    input: Type.Record(Type.String(), Type.Unknown(), { description: "Validated against the rule's input JSON Schema" }),
  },
  { $id: "EvaluateRequest", additionalProperties: false, example: { rule: "simple", input: { entitled: 30, present: 21, yes: 16, no: 5, abstain: 0 } } },
);

const MemberId = Type.String({ minLength: 1, maxLength: 200 });
export const Choice = StringEnum(["yes", "no", "abstain"], "A member's vote", { $id: "Choice" });
export const BallotState = StringEnum(["draft", "open", "closed"], "draft → open → closed", { $id: "BallotState" });

export const CreateBallotBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 500 }),
    rule: Type.String({ pattern: RULE_NAME_PATTERN, description: "Rule file in the registry" }),
    ruleVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_VERSION, description: "Pin this version (default: the latest at creation)" })),
    ruleName: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "Which vote rule of the file (default: the one named like the file, or its only vote)" })),
    roster: Type.Array(Type.Object({ id: MemberId, name: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }), { maxItems: 100_000 }),
    secret: Type.Optional(Type.Boolean({ description: "Keep who voted apart from what they voted" })),
  },
  {
    $id: "CreateBallotRequest",
    additionalProperties: false,
    example: { title: "Budget 2026", rule: "major-matter", roster: [{ id: "m1", name: "王芳" }, { id: "m2", name: "李强" }, { id: "m3", name: "Ana" }] },
  },
);

export const BallotIdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
export const MemberBody = Type.Object({ member: MemberId }, { $id: "MemberRequest", additionalProperties: false, example: { member: "m1" } });
export const VoteBody = Type.Object({ member: MemberId, choice: ref(Choice) }, { $id: "VoteRequest", additionalProperties: false, example: { member: "m1", choice: "yes" } });

export const Tally = Type.Object(
  { entitled: Type.Integer(), present: Type.Integer(), yes: Type.Integer(), no: Type.Integer(), abstain: Type.Integer() },
  { $id: "Tally", description: "A closed vote's counts" },
);

export const Ballot = Type.Object({
  id: Type.String(),
  title: Type.String(),
  rule: Type.Object({ name: Type.String(), version: Type.Integer(), entry: Type.String(), sha256: Type.String() }),
  secret: Type.Boolean(),
  state: ref(BallotState),
  createdBy: Type.String(),
  createdAt: Timestamp,
  openedAt: Type.Union([Timestamp, Type.Null()]),
  closedAt: Type.Union([Timestamp, Type.Null()]),
  roster: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), present: Type.Boolean(), voted: Type.Boolean() })),
  counts: Type.Object({ entitled: Type.Integer(), present: Type.Integer(), voted: Type.Integer() }),
  tally: Type.Union([ref(Tally), Type.Null()]),
  result: Type.Union([ref(RuleResult), Type.Null()]),
  votes: Type.Union([Type.Array(Type.Object({ member: Type.String(), choice: ref(Choice) })), Type.Null()]),
}, { $id: "Ballot", description: "A ballot: its pinned rule, roster with attendance, counts, and once closed its tally and result (votes only when not secret)" });

export const BallotList = Type.Object(
  { ballots: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), state: ref(BallotState), rule: Type.String(), ruleVersion: Type.Integer(), createdAt: Timestamp })) },
  { $id: "BallotList" },
);

export const AttendanceReceipt = Type.Object({ ballot: Type.String(), member: Type.String(), present: Type.Literal(true), alreadyPresent: Type.Boolean() }, { $id: "AttendanceReceipt" });
export const VoteReceipt = Type.Object({ ballot: Type.String(), member: Type.String(), recorded: Type.Literal(true) }, { $id: "VoteReceipt" });

export const AuditEvent = Type.Object({
  ballot: Type.String(),
  seq: Type.Integer(),
  type: Type.String(),
  actor: Type.String(),
  at: Type.String(),
  data: Type.Unknown(),
  prevHash: Type.String(),
  hash: Type.String(),
}, { $id: "AuditEvent", description: "One event of a ballot's hash chain" });
export const AuditLog = Type.Object({ ballot: Type.String(), events: Type.Array(ref(AuditEvent)) }, { $id: "AuditLog" });
const Sha256Hex = Type.String({ pattern: "^[0-9a-f]{64}$", description: "A sha256 in lower-case hex" });
export const AuditHead = Type.Object({
  ballot: Type.String(),
  seq: Type.Integer({ description: "The number of events in the chain (0 before any)" }),
  hash: Type.String({ description: "The last event's hash: keep it outside the database and pass it to verify as ?head=" }),
  state: ref(BallotState),
}, { $id: "AuditHead" });
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
}, { $id: "AuditVerification" });

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
  {
    $id: "AssessmentRequest",
    additionalProperties: false,
    example: { rule: "democratic-evaluation", subjects: [{ id: "张三", input: { 满意: 40, 基本满意: 8, 不满意: 2 } }] },
  },
);
export const AssessmentCsv = Type.String({
  description: "A header row (id, optional name, one column per input), then one subject per row; name the rule with ?rule=NAME",
  example: "id,满意,基本满意,不满意\n张三,40,8,2\n",
});
export const AssessmentQuery = Type.Object({
  rule: Type.Optional(Type.String({ pattern: RULE_NAME_PATTERN, description: "The rule file (required with a CSV body)" })),
  version: Type.Optional(Type.String({ pattern: "^[1-9][0-9]{0,8}$" })),
  ruleName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});
export const AssessmentResponse = Type.Object(
  {
    rule: Type.Object({ name: Type.String(), version: Type.Integer(), entry: Type.String() }),
    count: Type.Integer(),
    results: Type.Array(
      Type.Object({ rank: Type.Integer(), id: Type.String(), score: Exact, grade: Type.Union([Type.String(), Type.Null()]), criteria: Type.Array(Type.Unknown()), result: ref(RuleResult) }),
    ),
  },
  { $id: "Assessment", description: "Subjects ranked by score, highest first; ties share a rank" },
);
export const AssessmentLines = Type.String({ description: "JSON lines: one ranked result per line" });
export const AssessmentCsvResult = Type.String({ description: "CSV: one ranked result per row" });

export const Role = StringEnum(ROLES, "What a token may do", { $id: "Role" });
const TokenFields = { id: Type.String(), name: Type.String(), role: ref(Role), createdBy: Type.String(), createdAt: Timestamp, revokedAt: Type.Union([Timestamp, Type.Null()]) };
export const TokenInfo = Type.Object(TokenFields, { $id: "Token", description: "A token as listed: never its secret" });
export const TokenList = Type.Object({ tokens: Type.Array(ref(TokenInfo)) }, { $id: "TokenList" });
export const CreatedToken = Type.Object(
  { ...TokenFields, token: Type.String({ description: "The secret: shown once, stored only as a hash" }) },
  { $id: "CreatedToken", description: "A new token with its secret, shown this once" },
);
export const CreateTokenBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }), role: ref(Role) },
  { $id: "CreateTokenRequest", additionalProperties: false, example: { name: "clerk-desk-1", role: "clerk" } },
);
export const Me = Type.Object(
  { name: Type.String({ description: "The token's name: the author recorded on every version it stores" }), role: ref(Role) },
  { $id: "Me", description: "Who the bearer token belongs to", example: { name: "王芳", role: "author" } },
);
export const TokenIdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

const StoreKind = StringEnum(["embedded", "postgres"]);
export const Health = Type.Object({ status: Type.Literal("ok"), store: StoreKind }, { $id: "Health" });
export const Readiness = Type.Object({ status: Type.Literal("ready"), store: StoreKind }, { $id: "Readiness" });
export const MetricsText = Type.String({ description: "Prometheus text exposition format" });

/** Every schema with a `$id`, added to the app with addSchema (components.schemas in the OpenAPI document). */
export const SHARED_SCHEMAS: TSchema[] = [
  ErrorResponse,
  ExplanationStep,
  RuleResult,
  Diagnostic,
  RuleVersionInfo,
  RuleSummary,
  RuleList,
  StoredRule,
  RuleDetail,
  RuleSourceBody,
  EvaluateBody,
  Choice,
  BallotState,
  CreateBallotBody,
  MemberBody,
  VoteBody,
  Tally,
  Ballot,
  BallotList,
  AttendanceReceipt,
  VoteReceipt,
  AuditEvent,
  AuditLog,
  AuditHead,
  AuditVerification,
  AssessmentBody,
  AssessmentResponse,
  Role,
  TokenInfo,
  TokenList,
  CreatedToken,
  CreateTokenBody,
  Me,
  Health,
  Readiness,
];
