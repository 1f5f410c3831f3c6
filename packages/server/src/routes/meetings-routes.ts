/** Meeting routes: create, sign-ins, proxies, agenda items, votes, closes, audit. */

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { actorOf, authorize } from "../http/authorize.ts";
import {
  CreateItemBody,
  CreateMeetingBody,
  Item,
  ItemClosed,
  ItemIdParam,
  ItemVoteBody,
  ItemVoteReceipt,
  Meeting,
  MeetingAuditLog,
  MeetingIdParam,
  MeetingList,
  MeetingVerification,
  ProxyBody,
  ProxyReceipt,
  SignInBody,
  SignInReceipt,
} from "../http/meeting-schemas.ts";
import { AuditVerifyQuery, ref, withErrors } from "../http/schemas.ts";
import type { Services } from "./context.ts";

export const meetingsRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { meetings, items, tokens }) => {
  const clerk = authorize(tokens, "write:ballots");
  const reader = authorize(tokens, "read");

  app.post(
    "/v1/meetings",
    {
      onRequest: clerk,
      schema: {
        tags: ["meetings"],
        operationId: "createMeeting",
        summary: "Open a meeting of a body; the body's latest (or given) roster version is snapshotted",
        description: "404 BODY_NOT_FOUND, BODY_VERSION_NOT_FOUND. Needs a clerk or admin token.",
        body: ref(CreateMeetingBody),
        response: withErrors({ 201: ref(Meeting) }, 401, 403, 404, 413, 415, 422),
      },
    },
    async (request, reply) => reply.status(201).send(await meetings.create(request.body, actorOf(request).name)),
  );

  app.get("/v1/meetings", { onRequest: reader, schema: { tags: ["meetings"], operationId: "listMeetings", summary: "List meetings, newest first", response: withErrors({ 200: ref(MeetingList) }, 401, 403) } }, async () => ({
    meetings: await meetings.list(),
  }));

  app.get(
    "/v1/meetings/:id",
    { onRequest: reader, schema: { tags: ["meetings"], operationId: "getMeeting", summary: "A meeting: roster with sign-ins and proxies, counts, agenda items with live counts and results", params: MeetingIdParam, response: withErrors({ 200: ref(Meeting) }, 401, 403, 404) } },
    async (request) => meetings.get(request.params.id),
  );

  app.post(
    "/v1/meetings/:id/sign-ins",
    {
      onRequest: clerk,
      schema: {
        tags: ["meetings"],
        operationId: "signIn",
        summary: "Sign a member in, in person: one sign-in per member, used by every item of the meeting",
        description: "422 NOT_ON_ROSTER; 409 ALREADY_SIGNED_IN (also when represented by proxy), MEETING_CLOSED.",
        params: MeetingIdParam,
        body: ref(SignInBody),
        response: withErrors({ 201: ref(SignInReceipt) }, 401, 403, 404, 409, 413, 415, 422),
      },
    },
    async (request, reply) => reply.status(201).send(await meetings.signIn(request.params.id, request.body.member, actorOf(request).name)),
  );

  app.post(
    "/v1/meetings/:id/proxies",
    {
      onRequest: clerk,
      schema: {
        tags: ["meetings"],
        operationId: "addProxy",
        summary: "Record a proxy (委托投票): an absent member is represented by a member signed in in person",
        description: "The holder may hold at most the meeting's maxProxies, lowered by every `proxies: at most N` (N ≥ 1) of its items' rules. 422 NOT_ON_ROSTER, SELF_PROXY; 409 ALREADY_SIGNED_IN, HOLDER_NOT_SIGNED_IN, TOO_MANY_PROXIES (details.limitedBy: the item and rule that set the limit, or null for the meeting's own), MEETING_CLOSED.",
        params: MeetingIdParam,
        body: ref(ProxyBody),
        response: withErrors({ 201: ref(ProxyReceipt) }, 401, 403, 404, 409, 413, 415, 422),
      },
    },
    async (request, reply) => reply.status(201).send(await meetings.addProxy(request.params.id, request.body.member, request.body.holder, actorOf(request).name)),
  );

  app.post(
    "/v1/meetings/:id/items",
    {
      onRequest: clerk,
      schema: {
        tags: ["meetings"],
        operationId: "openItem",
        summary: "Open an agenda item (motion, election or rating), pinned to its rule's current (or given) version",
        description:
          "A motion is counted by a ballot (its id in `ballot`). Elections and ratings are secret by default. The pinned rule decides proxies (`proxies`: its `proxies: at most N`) and write-ins (`write_ins: allowed`). " +
          "422 WRONG_RULE_KIND, SEATS_REQUIRED, NO_CANDIDATES, NO_SUBJECTS, INVALID_LIST, WRITE_INS_NOT_ALLOWED (writeIns: true under a rule without write-ins); 404 RULE_NOT_FOUND; 409 MEETING_CLOSED, PROXIES_OVER_RULE_LIMIT (a holder already holds more proxies than the rule allows).",
        params: MeetingIdParam,
        body: ref(CreateItemBody),
        response: withErrors({ 201: ref(Item) }, 401, 403, 404, 409, 413, 415, 422),
      },
    },
    async (request, reply) => reply.status(201).send(await items.open(request.params.id, request.body, actorOf(request).name)),
  );

  app.get(
    "/v1/meetings/:id/items/:item",
    { onRequest: reader, schema: { tags: ["meetings"], operationId: "getItem", summary: "One agenda item with its count of votes and, once closed, its tally and result", params: ItemIdParam, response: withErrors({ 200: ref(Item) }, 401, 403, 404) } },
    async (request) => items.get(request.params.id, request.params.item),
  );

  app.post(
    "/v1/meetings/:id/items/:item/votes",
    {
      onRequest: clerk,
      schema: {
        tags: ["meetings"],
        operationId: "castItemVote",
        summary: "Record one member's paper: a choice (motion), names (election) or a level per subject (rating)",
        description:
          "A member represented by proxy votes through their holder, named in `by`. An election paper marking more names than seats is recorded and counted invalid (valid: false). " +
          "422 NOT_ON_ROSTER, CHOICE_REQUIRED, NAMES_REQUIRED, RATINGS_REQUIRED, NOT_A_CANDIDATE (a name off the list where the rule allows no write-ins), DUPLICATE_NAMES, INVALID_RATING, NOT_PROXY_HOLDER, PROXY_NOT_ALLOWED (a paper by proxy on an item whose rule allows no proxies); 409 NOT_SIGNED_IN, ALREADY_VOTED, ITEM_CLOSED, PROXY_HOLDER_REQUIRED, PROXIES_OVER_RULE_LIMIT, MEETING_CLOSED.",
        params: ItemIdParam,
        body: ref(ItemVoteBody),
        response: withErrors({ 201: ref(ItemVoteReceipt) }, 401, 403, 404, 409, 413, 415, 422),
      },
    },
    async (request, reply) => reply.status(201).send(await items.vote(request.params.id, request.params.item, request.body, actorOf(request).name)),
  );

  app.post(
    "/v1/meetings/:id/items/:item/close",
    {
      onRequest: clerk,
      schema: {
        tags: ["meetings"],
        operationId: "closeItem",
        summary: "Close an item: evaluate its pinned rule on its counts and store the result; an election's runoff or tie opens the next round",
        description: "409 ITEM_CLOSED, MEETING_CLOSED, TALLY_MISMATCH (a motion's ballot); 422 EVALUATION_ERROR.",
        params: ItemIdParam,
        response: withErrors({ 200: ref(ItemClosed) }, 401, 403, 404, 409, 422),
      },
    },
    async (request) => items.close(request.params.id, request.params.item, actorOf(request).name),
  );

  app.post(
    "/v1/meetings/:id/close",
    {
      onRequest: clerk,
      schema: {
        tags: ["meetings"],
        operationId: "closeMeeting",
        summary: "Close a meeting whose items are all closed; its public notice (公示) gets an unguessable link",
        description: "409 ITEMS_OPEN, MEETING_CLOSED.",
        params: MeetingIdParam,
        response: withErrors({ 200: ref(Meeting) }, 401, 403, 404, 409),
      },
    },
    async (request) => meetings.close(request.params.id, actorOf(request).name),
  );

  app.get(
    "/v1/meetings/:id/audit",
    { onRequest: reader, schema: { tags: ["audit"], operationId: "getMeetingAudit", summary: "The meeting's append-only, hash-chained event log", params: MeetingIdParam, response: withErrors({ 200: ref(MeetingAuditLog) }, 401, 403, 404) } },
    async (request) => ({ meeting: request.params.id, events: await meetings.audit(request.params.id) }),
  );

  app.get(
    "/v1/meetings/:id/audit/verify",
    {
      onRequest: reader,
      schema: {
        tags: ["audit"],
        operationId: "verifyMeetingAudit",
        summary: "Verify the meeting's chain, its sign-ins and voters against it, each item's counters, and every motion's ballot",
        description: "With ?head= (e.g. the chain head printed on the 公示), also that the log still contains that head (ANCHOR_NOT_FOUND).",
        params: MeetingIdParam,
        querystring: AuditVerifyQuery,
        response: withErrors({ 200: ref(MeetingVerification) }, 401, 403, 404),
      },
    },
    async (request) => meetings.verify(request.params.id, request.query.head),
  );
};
