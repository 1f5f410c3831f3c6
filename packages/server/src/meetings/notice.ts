/**
 * The 公示 of a closed meeting as data: the meeting, attendance (names only when the body allows), each item's
 * result in words with its thresholds, and the audit chain head. The HTML, CSV and text forms render this.
 */

import type { ElectionResult, VoteResult } from "@gavel-rules/lang";
import type { ItemView, MeetingView, RatingsResult } from "./meeting-types.ts";
import { electionSummary, ratingSummary, voteSummary } from "./notice-words.ts";

export interface NoticeItem {
  position: number;
  kind: ItemView["kind"];
  title: string;
  round: number | null;
  previousPosition: number | null;
  rule: ItemView["rule"];
  secret: boolean;
  voted: number;
  /** The result in words, one sentence per line. */
  summary: string[];
  /** The stored result (a motion's or election round's result JSON, or a rating's per subject). */
  result: ItemView["result"];
}

export interface NoticeDocument {
  meeting: { title: string; body: string; bodyVersion: number; closedAt: string };
  attendance: {
    entitled: number;
    signedIn: number;
    proxies: number;
    present: number;
    /** Only when the body allows names on the notice. */
    names: { signedIn: string[]; proxies: { member: string; holder: string }[] } | null;
  };
  items: NoticeItem[];
  audit: { seq: number; hash: string };
}

const KIND_WORDS: Record<ItemView["kind"], string> = { motion: "表决", election: "选举", rating: "民主测评" };

/** The kind of an item in Chinese. */
export function kindWords(kind: ItemView["kind"]): string {
  return KIND_WORDS[kind];
}

function summaryOf(item: ItemView): string[] {
  const result = item.result;
  if (!result) return ["未结束"];
  if (result.kind === "vote") return [voteSummary(result as VoteResult)];
  if (result.kind === "election") return electionSummary(result as ElectionResult);
  if (result.kind === "ratings") return (result as RatingsResult).subjects.map((s) => ratingSummary(s.subject, s.result));
  return [];
}

/** The notice of a closed meeting. */
export function noticeOf(meeting: MeetingView): NoticeDocument {
  const nameOf = new Map(meeting.members.map((m) => [m.id, m.name]));
  const positionOf = new Map(meeting.items.map((i) => [i.id, i.position]));
  return {
    meeting: { title: meeting.title, body: meeting.body.name, bodyVersion: meeting.body.version, closedAt: meeting.closedAt ?? "" },
    attendance: {
      ...meeting.counts,
      names: meeting.publicNames
        ? {
            signedIn: meeting.members.filter((m) => m.signedIn).map((m) => m.name),
            proxies: meeting.members.filter((m) => m.proxyHolder !== null).map((m) => ({ member: m.name, holder: nameOf.get(m.proxyHolder!) ?? m.proxyHolder! })),
          }
        : null,
    },
    items: meeting.items.map((item) => ({
      position: item.position,
      kind: item.kind,
      title: item.title,
      round: item.round,
      previousPosition: item.previousItem ? (positionOf.get(item.previousItem) ?? null) : null,
      rule: item.rule,
      secret: item.secret,
      voted: item.voted,
      summary: summaryOf(item),
      result: item.result,
    })),
    audit: meeting.audit,
  };
}

const BEIJING_TIME = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false });

/** When the meeting closed, as the notice prints it: "2026年12月1日 12:32（北京时间）"; the JSON keeps the ISO time. */
export function closedAtWords(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${BEIJING_TIME.format(date)}（北京时间）`;
}

/** The attendance line: "应到35人，实到33人（本人签到31人，委托2人）". */
export function attendanceWords(notice: NoticeDocument): string {
  const a = notice.attendance;
  return `应到${a.entitled}人，实到${a.present}人（本人签到${a.signedIn}人，委托${a.proxies}人）`;
}

/** The notice as plain text (the CLI prints it). */
export function noticeText(notice: NoticeDocument): string {
  const lines = [`公示：${notice.meeting.title}`, `${notice.meeting.body}（名册第${notice.meeting.bodyVersion}版），${closedAtWords(notice.meeting.closedAt)}`, attendanceWords(notice)];
  if (notice.attendance.names) {
    lines.push(`签到：${notice.attendance.names.signedIn.join("、")}`);
    if (notice.attendance.names.proxies.length > 0) lines.push(`委托：${notice.attendance.names.proxies.map((p) => `${p.member}（委托${p.holder}）`).join("、")}`);
  }
  for (const item of notice.items) {
    lines.push("", `${item.position}. 【${kindWords(item.kind)}】${item.title}${item.secret ? "（无记名）" : ""}`);
    for (const line of item.summary) lines.push(`   ${line}`);
  }
  lines.push("", `审计链：第${notice.audit.seq}条事件，${notice.audit.hash}`);
  return `${lines.join("\n")}\n`;
}
