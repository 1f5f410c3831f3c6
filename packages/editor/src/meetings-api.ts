/** Client of the service's meetings (GET /v1/meetings, GET /v1/meetings/{id}): read-only, for the meeting view. */

import type { RatingResult, RuleResult } from "@gavel-rules/lang";
import type { operations } from "./api/schema";
import { client, dataOf } from "./rules-api";

/** One meeting in the listing. */
export type MeetingSummary = operations["listMeetings"]["responses"][200]["content"]["application/json"]["meetings"][number];
/** A meeting with its roster, counts and agenda items (live counts and results). */
export type Meeting = operations["getMeeting"]["responses"][200]["content"]["application/json"];
/** One agenda item of a meeting. */
export type AgendaItem = Meeting["items"][number];

/** Every meeting, newest first. */
export async function listMeetings(): Promise<MeetingSummary[]> {
  return dataOf(await client.GET("/v1/meetings")).meetings;
}

/** One meeting as it stands now. */
export async function getMeeting(id: string): Promise<Meeting> {
  return dataOf(await client.GET("/v1/meetings/{id}", { params: { path: { id } } }));
}

/** A closed item's result: the engine's result JSON (motion, election round), or one rating result per subject. */
export type ItemResult = RuleResult | { kind: "ratings"; subjects: { subject: string; result: RatingResult }[] };

/** The result of an item, typed as the engine's results (the service sends them as they are); null while open. */
export function itemResult(item: AgendaItem): ItemResult | null {
  return (item.result ?? null) as unknown as ItemResult | null;
}

/** The public link of a closed meeting's notice (公示), or null while it is open. */
export function noticeLink(meeting: Meeting): string | null {
  return meeting.noticeId ? `/v1/notices/${encodeURIComponent(meeting.noticeId)}` : null;
}
