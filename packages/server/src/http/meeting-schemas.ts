/** TypeBox schemas of bodies, meetings, agenda items, votes and the public notice (validation and /docs). */

import { Type, type TSchema } from "@sinclair/typebox";
import { RULE_NAME_PATTERN } from "../rules/rule-name.ts";
import { AuditEvent, Choice, MAX_VERSION, ref, RuleResult } from "./schemas.ts";

const Id = Type.String({ minLength: 1, maxLength: 100 });
const MemberId = Type.String({ minLength: 1, maxLength: 200 });
const Name = Type.String({ minLength: 1, maxLength: 500 });
const Timestamp = Type.String({ format: "date-time" });
const State = Type.Unsafe<"open" | "closed">({ type: "string", enum: ["open", "closed"] });
const ItemKind = Type.Unsafe<"motion" | "election" | "rating">({ type: "string", enum: ["motion", "election", "rating"] });
const Member = Type.Object({ id: MemberId, name: Name }, { additionalProperties: false });

export const BodyIdParam = Type.Object({ id: Id });
export const MeetingIdParam = Type.Object({ id: Id });
export const ItemIdParam = Type.Object({ id: Id, item: Id });
export const NoticeIdParam = Type.Object({ notice: Type.String({ minLength: 20, maxLength: 100, pattern: "^[A-Za-z0-9_-]+$" }) });
export const BodyVersionQuery = Type.Object({ version: Type.Optional(Type.String({ pattern: "^[1-9][0-9]{0,8}$", description: "A roster version (default: latest)" })) });

export const CreateBodyBody = named("CreateBodyRequest", Type.Object(
  {
    name: Name,
    members: Type.Array(Member, { maxItems: 100_000 }),
    publicNames: Type.Optional(Type.Boolean({ description: "May the public notice list who signed in (default false: counts only)" })),
  },
  { additionalProperties: false },
));
export const BodyVersionBody = named("BodyVersionRequest", Type.Object({ members: Type.Array(Member, { maxItems: 100_000 }), publicNames: Type.Optional(Type.Boolean()) }, { additionalProperties: false }));

export const Body = named("Body", Type.Object({
  id: Type.String(),
  name: Type.String(),
  version: Type.Integer(),
  members: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  publicNames: Type.Boolean(),
  createdBy: Type.String(),
  createdAt: Timestamp,
  versions: Type.Integer(),
}));
export const BodyList = named("BodyList", Type.Object({ bodies: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), version: Type.Integer(), members: Type.Integer(), createdAt: Timestamp })) }));

export const CreateMeetingBody = named("CreateMeetingRequest", Type.Object(
  {
    title: Name,
    body: Id,
    bodyVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_VERSION, description: "The roster version to snapshot (default: latest)" })),
    maxProxies: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, description: "The meeting's own cap on the proxies one member present in person may hold (委托投票; default 1). The limit in force is the smallest of this and every `proxies: at most N` (N ≥ 1) of its items' rules" })),
  },
  { additionalProperties: false },
));

export const CreateItemBody = named("CreateItemRequest", Type.Object(
  {
    kind: ItemKind,
    title: Name,
    rule: Type.String({ pattern: RULE_NAME_PATTERN, description: "Rule file in the registry (a vote, election or rating rule, by kind)" }),
    ruleVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_VERSION })),
    ruleName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    secret: Type.Optional(Type.Boolean({ description: "Default: false for a motion, true for an election or rating" })),
    seats: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: "An election: seats to fill" })),
    candidates: Type.Optional(Type.Array(Name, { maxItems: 1000 })),
    writeIns: Type.Optional(Type.Boolean({ description: "An election: names off the list count. Default: as the rule declares (`write_ins: allowed`); true under a rule without it is refused (422 WRITE_INS_NOT_ALLOWED); false narrows it" })),
    round: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: "An election: the rule's round (default 1)" })),
    subjects: Type.Optional(Type.Array(Name, { maxItems: 1000, description: "A rating: the people rated on one paper" })),
  },
  { additionalProperties: false },
));

export const SignInBody = named("SignInRequest", Type.Object({ member: MemberId }, { additionalProperties: false }));
export const ProxyBody = named("ProxyRequest", Type.Object({ member: MemberId, holder: MemberId }, { additionalProperties: false }));
export const ItemVoteBody = named("ItemVoteRequest", Type.Object(
  {
    member: MemberId,
    by: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "The proxy holder casting a represented member's paper" })),
    choice: Type.Optional(ref(Choice)),
    names: Type.Optional(Type.Array(Name, { maxItems: 1000, description: "An election: the names marked (more than the seats: an invalid paper)" })),
    ratings: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 200 }), { description: "A rating: subject → level" })),
  },
  { additionalProperties: false },
));

const Counts = Type.Object({ entitled: Type.Integer(), signedIn: Type.Integer(), proxies: Type.Integer(), present: Type.Integer() });
export const SignInReceipt = named("SignInReceipt", Type.Object({ meeting: Type.String(), member: Type.String(), counts: Counts }));
export const ProxyReceipt = named("ProxyReceipt", Type.Object({ meeting: Type.String(), member: Type.String(), holder: Type.String(), held: Type.Integer() }));
export const ItemVoteReceipt = named("ItemVoteReceipt", Type.Object({ item: Type.String(), member: Type.String(), by: Type.Union([Type.String(), Type.Null()]), recorded: Type.Literal(true), valid: Type.Boolean() }));

const ItemResult = Type.Union([
  ref(RuleResult),
  Type.Object({ kind: Type.Literal("ratings"), subjects: Type.Array(Type.Object({ subject: Type.String(), result: ref(RuleResult) })) }, { description: "A rating item: one rating result per subject" }),
]);

export const Item = named("MeetingItem", Type.Object({
  id: Type.String(),
  meeting: Type.String(),
  position: Type.Integer(),
  kind: ItemKind,
  title: Type.String(),
  rule: Type.Object({ name: Type.String(), version: Type.Integer(), entry: Type.String() }),
  secret: Type.Boolean(),
  state: State,
  ballot: Type.Union([Type.String(), Type.Null()], { description: "A motion's ballot (GET /v1/ballots/{id})" }),
  seats: Type.Union([Type.Integer(), Type.Null()]),
  round: Type.Union([Type.Integer(), Type.Null()]),
  writeIns: Type.Boolean({ description: "An election: names off the list count (the rule's `write_ins: allowed`, or narrower)" }),
  proxies: Type.Union([Type.Integer(), Type.Null()], { description: "The pinned rule's `proxies: at most N`: the proxies one member present may cast papers for on this item (0: none count); null for an item opened before rules declared it" }),
  candidates: Type.Union([Type.Array(Type.String()), Type.Null()]),
  subjects: Type.Union([Type.Array(Type.String()), Type.Null()]),
  levels: Type.Union([Type.Array(Type.String()), Type.Null()]),
  previousItem: Type.Union([Type.String(), Type.Null()]),
  nextItem: Type.Union([Type.String(), Type.Null()]),
  voted: Type.Integer(),
  openedAt: Timestamp,
  closedAt: Type.Union([Timestamp, Type.Null()]),
  tally: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  result: Type.Union([ItemResult, Type.Null()]),
}));
export const ItemClosed = named("ClosedItem", Type.Object({ item: ref(Item), next: Type.Union([ref(Item), Type.Null()], { description: "The next round an election's runoff or tie opened" }) }));

export const Meeting = named("Meeting", Type.Object({
  id: Type.String(),
  title: Type.String(),
  body: Type.Object({ id: Type.String(), name: Type.String(), version: Type.Integer() }),
  state: State,
  maxProxies: Type.Integer({ description: "The proxy limit in force: the smallest of the meeting's own cap and every `proxies: at most N` (N ≥ 1) of its items' rules" }),
  publicNames: Type.Boolean(),
  createdBy: Type.String(),
  createdAt: Timestamp,
  closedAt: Type.Union([Timestamp, Type.Null()]),
  noticeId: Type.Union([Type.String(), Type.Null()], { description: "Once closed: the public notice is GET /v1/notices/{noticeId}" }),
  members: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), signedIn: Type.Boolean(), proxyHolder: Type.Union([Type.String(), Type.Null()]) })),
  counts: Counts,
  items: Type.Array(ref(Item)),
  audit: Type.Object({ seq: Type.Integer(), hash: Type.String() }),
}));
export const MeetingList = named("MeetingList", Type.Object({ meetings: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), state: Type.String(), body: Type.String(), createdAt: Timestamp })) }));
export const MeetingAuditLog = named("MeetingAuditLog", Type.Object({ meeting: Type.String(), events: Type.Array(ref(AuditEvent)) }));
export const MeetingVerification = named("MeetingVerification", Type.Object({
  meeting: Type.String(),
  intact: Type.Boolean(),
  events: Type.Integer(),
  head: Type.String(),
  problems: Type.Array(Type.Object({ code: Type.String(), message: Type.String(), seq: Type.Optional(Type.Integer()), details: Type.Optional(Type.Unknown()) })),
  ballots: Type.Array(Type.Object({ item: Type.String(), ballot: Type.String(), intact: Type.Boolean() })),
  anchor: Type.Optional(Type.Object({ hash: Type.String(), seq: Type.Union([Type.Integer(), Type.Null()]) }, { description: "The kept head and the event that has it (null: none)" })),
}));

export const NoticeQuery = Type.Object({
  format: Type.Optional(Type.Unsafe<"html" | "json" | "csv" | "text">({ type: "string", enum: ["html", "json", "csv", "text"], description: "Default html (printable on A4)" })),
});
export const NoticeDocument = named("Notice", Type.Object(
  {
    meeting: Type.Object({ title: Type.String(), body: Type.String(), closedAt: Timestamp }),
    attendance: Type.Object({ entitled: Type.Integer(), signedIn: Type.Integer(), proxies: Type.Integer(), present: Type.Integer(), names: Type.Union([Type.Object({ signedIn: Type.Array(Type.String()), proxies: Type.Array(Type.Object({ member: Type.String(), holder: Type.String() })) }), Type.Null()], { description: "Only when the body allows names on the notice" }) }),
    items: Type.Array(Type.Object({ position: Type.Integer(), kind: Type.String(), title: Type.String(), summary: Type.Array(Type.String()), result: Type.Unknown() }, { additionalProperties: true })),
    audit: Type.Object({ seq: Type.Integer(), hash: Type.String() }),
  },
  { additionalProperties: true, description: "The 公示 of a closed meeting" },
));

/** Gives a meeting schema its `$id`, so the OpenAPI document and the generated client name it. */
function named<T extends TSchema>(id: string, schema: T): T {
  schema.$id = id;
  return schema;
}

/** The meeting schemas that routes use by `$ref` (added to the app next to SHARED_SCHEMAS). */
export const MEETING_SCHEMAS: TSchema[] = [
  CreateBodyBody, BodyVersionBody, Body, BodyList, CreateMeetingBody, CreateItemBody, SignInBody, ProxyBody, ItemVoteBody,
  SignInReceipt, ProxyReceipt, ItemVoteReceipt, Item, ItemClosed, Meeting, MeetingList, MeetingAuditLog, MeetingVerification, NoticeDocument,
];
