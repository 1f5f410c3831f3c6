/** The 公示 as CSV (UTF-8 with a byte-order mark): one line per attendance count and per item result line. */

import { CSV_BOM, csvLine, safeCell } from "../assessments/results-csv.ts";
import { kindWords, type NoticeDocument } from "./notice.ts";

/** The whole CSV: columns 序号, 类别, 事项, 内容. */
export function noticeCsv(notice: NoticeDocument): string {
  const a = notice.attendance;
  const lines = [csvLine(["序号", "类别", "事项", "内容"])];
  const row = (cells: string[]) => lines.push(csvLine(cells.map(safeCell)));
  row(["0", "会议", notice.meeting.title, `${notice.meeting.body}（名册第${notice.meeting.bodyVersion}版），${notice.meeting.closedAt}`]);
  row(["0", "出席", "应到", String(a.entitled)]);
  row(["0", "出席", "实到", String(a.present)]);
  row(["0", "出席", "本人签到", String(a.signedIn)]);
  row(["0", "出席", "委托", String(a.proxies)]);
  if (a.names) {
    row(["0", "出席", "签到名单", a.names.signedIn.join("、")]);
    row(["0", "出席", "委托名单", a.names.proxies.map((p) => `${p.member}（委托${p.holder}）`).join("、")]);
  }
  for (const item of notice.items) for (const line of item.summary) row([String(item.position), kindWords(item.kind), item.title, line]);
  row(["", "审计", `第${notice.audit.seq}条事件`, notice.audit.hash]);
  return CSV_BOM + lines.join("");
}
