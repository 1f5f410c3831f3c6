/** Ballot routes: create, open, attendance, votes, close, read, audit. */

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { actorOf, authorize } from "../http/authorize.ts";
import {
  AttendanceReceipt,
  AuditHead,
  AuditLog,
  AuditVerification,
  AuditVerifyQuery,
  Ballot,
  BallotIdParam,
  BallotList,
  CreateBallotBody,
  MemberBody,
  ref,
  RuleResult,
  VoteBody,
  VoteReceipt,
  withErrors,
} from "../http/schemas.ts";
import type { Services } from "./context.ts";

export const ballotsRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { ballots, tokens }) => {
  const clerk = authorize(tokens, "write:ballots");
  const reader = authorize(tokens, "read");

  app.post(
    "/v1/ballots",
    {
      onRequest: clerk,
      schema: {
        operationId: "createBallot",
        tags: ["ballots"],
        summary: "Create a draft ballot; the rule's current (or given) version is pinned",
        description: "422 EMPTY_ROSTER, DUPLICATE_MEMBER, RULE_NOT_IN_FILE, WRONG_RULE_KIND; 404 RULE_NOT_FOUND. Needs a clerk or admin token.",
        body: ref(CreateBallotBody),
        response: withErrors({ 201: ref(Ballot) }, 401, 403, 404, 413, 415, 422),
      },
    },
    async (request, reply) => reply.status(201).send(await ballots.create(request.body, actorOf(request).name)),
  );

  app.get("/v1/ballots", { onRequest: reader, schema: { operationId: "listBallots", tags: ["ballots"], summary: "List ballots, newest first", response: withErrors({ 200: ref(BallotList) }, 401, 403) } }, async () => ({
    ballots: await ballots.list(),
  }));

  app.get(
    "/v1/ballots/:id",
    {
      onRequest: reader,
      schema: {
        operationId: "getBallot",
        tags: ["ballots"],
        summary: "A ballot: roster with attendance, counts, and once closed its tally and result",
        params: BallotIdParam,
        response: withErrors({ 200: ref(Ballot) }, 401, 403, 404),
      },
    },
    async (request) => ballots.get(request.params.id),
  );

  app.post(
    "/v1/ballots/:id/open",
    {
      onRequest: clerk,
      schema: {
        operationId: "openBallot",
        tags: ["ballots"],
        summary: "Open a draft ballot for votes (409 BALLOT_ALREADY_OPEN, BALLOT_CLOSED)",
        params: BallotIdParam,
        response: withErrors({ 200: ref(Ballot) }, 401, 403, 404, 409),
      },
    },
    async (request) => ballots.open(request.params.id, actorOf(request).name),
  );

  app.post(
    "/v1/ballots/:id/attendance",
    {
      onRequest: clerk,
      schema: {
        operationId: "recordAttendance",
        tags: ["ballots"],
        summary: "Record a roster member as present (draft or open ballot); idempotent",
        description: "422 NOT_ON_ROSTER; 409 BALLOT_CLOSED.",
        params: BallotIdParam,
        body: ref(MemberBody),
        response: withErrors({ 200: ref(AttendanceReceipt) }, 401, 403, 404, 409, 413, 415, 422),
      },
    },
    async (request) => ballots.recordAttendance(request.params.id, request.body.member, actorOf(request).name),
  );

  app.post(
    "/v1/ballots/:id/votes",
    {
      onRequest: clerk,
      schema: {
        operationId: "castVote",
        tags: ["ballots"],
        summary: "Record one member's vote: yes, no or abstain",
        description: "422 NOT_ON_ROSTER; 409 NOT_PRESENT, ALREADY_VOTED, BALLOT_NOT_OPEN, BALLOT_CLOSED. Answered only after the vote is committed.",
        params: BallotIdParam,
        body: ref(VoteBody),
        response: withErrors({ 201: ref(VoteReceipt) }, 401, 403, 404, 409, 413, 415, 422),
      },
    },
    async (request, reply) => reply.status(201).send(await ballots.castVote(request.params.id, request.body.member, request.body.choice, actorOf(request).name)),
  );

  app.post(
    "/v1/ballots/:id/close",
    {
      onRequest: clerk,
      schema: {
        operationId: "closeBallot",
        tags: ["ballots"],
        summary: "Close an open ballot: evaluate the pinned rule on the tally and store the result for good",
        description: "409 BALLOT_NOT_OPEN, BALLOT_CLOSED, TALLY_MISMATCH (the stored choices do not match the voters, or voters were not present: the store was changed outside the service); 422 EVALUATION_ERROR.",
        params: BallotIdParam,
        response: withErrors({ 200: ref(RuleResult) }, 401, 403, 404, 409, 422),
      },
    },
    async (request) => ballots.close(request.params.id, actorOf(request).name),
  );

  app.get(
    "/v1/ballots/:id/audit",
    {
      onRequest: reader,
      schema: {
        operationId: "getAuditLog",
        tags: ["audit"],
        summary: "The ballot's append-only, hash-chained event log",
        params: BallotIdParam,
        response: withErrors({ 200: ref(AuditLog) }, 401, 403, 404),
      },
    },
    async (request) => ({ ballot: request.params.id, events: await ballots.audit(request.params.id) }),
  );

  app.get(
    "/v1/ballots/:id/audit/head",
    {
      onRequest: reader,
      schema: {
        operationId: "getAuditHead",
        tags: ["audit"],
        summary: "The head of the ballot's audit chain (last seq and hash), to keep outside the database",
        description: "Keep the head (after close it is final) and pass it to …/audit/verify?head= later: a rewritten history no longer contains it.",
        params: BallotIdParam,
        response: withErrors({ 200: ref(AuditHead) }, 401, 403, 404),
      },
    },
    async (request) => ballots.auditHead(request.params.id),
  );

  app.get(
    "/v1/ballots/:id/audit/verify",
    {
      onRequest: reader,
      schema: {
        operationId: "verifyAudit",
        tags: ["audit"],
        summary: "Verify the chain and every stored row against it: recount the tally, re-evaluate the result, check a kept head",
        description: "Answers 200 with intact false and every problem found when something does not match.",
        params: BallotIdParam,
        querystring: AuditVerifyQuery,
        response: withErrors({ 200: ref(AuditVerification) }, 401, 403, 404),
      },
    },
    async (request) => ({ ballot: request.params.id, ...(await ballots.verifyAudit(request.params.id, request.query.head)) }),
  );
};
