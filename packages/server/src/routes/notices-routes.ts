/** The public notice (公示) of a closed meeting: no token, reached only through its unguessable id. */

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { NoticeDocument, NoticeIdParam, NoticeQuery } from "../http/meeting-schemas.ts";
import { PUBLIC, ref, withErrors } from "../http/schemas.ts";
import { noticeCsv } from "../meetings/notice-csv.ts";
import { noticeHtml } from "../meetings/notice-html.ts";
import { noticeText } from "../meetings/notice.ts";
import type { Services } from "./context.ts";

export const noticesRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { meetings }) => {
  app.get(
    "/v1/notices/:notice",
    {
      schema: {
        tags: ["meetings"],
        operationId: "getNotice",
        summary: "The public notice (公示) of a closed meeting: HTML printable on A4 (default), or ?format=json, csv or text",
        description: "No token: the id (192 random bits) is the access. 404 NOTICE_NOT_FOUND.",
        security: PUBLIC,
        params: NoticeIdParam,
        querystring: NoticeQuery,
        produces: ["text/html", "application/json", "text/csv", "text/plain"],
        response: {
          ...withErrors({}, 404),
          200: {
            description: "The notice in the asked format",
            content: {
              "text/html": { schema: Type.String({ description: "The printable page (A4)" }) },
              "application/json": { schema: ref(NoticeDocument) },
              "text/csv": { schema: Type.String({ description: "序号, 类别, 事项, 内容 (UTF-8 with BOM)" }) },
              "text/plain": { schema: Type.String() },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const notice = await meetings.notice(request.params.notice);
      // Anyone with the link may read it; nobody should cache it beyond the reader (and search engines not at all).
      reply.header("cache-control", "private, no-cache").header("x-robots-tag", "noindex").header("referrer-policy", "no-referrer");
      switch (request.query.format ?? "html") {
        case "json":
          return notice;
        case "csv":
          return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="notice.csv"`).send(noticeCsv(notice));
        case "text":
          return reply.type("text/plain; charset=utf-8").send(noticeText(notice));
        default:
          return reply.type("text/html; charset=utf-8").send(noticeHtml(notice));
      }
    },
  );
};
