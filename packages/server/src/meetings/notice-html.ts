/** The 公示 as an HTML page, printable on A4: every text escaped (names are user input), no script, styles inline. */

import { attendanceWords, closedAtWords, kindWords, type NoticeDocument } from "./notice.ts";

/** Text safe in HTML element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STYLE = `
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", "Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei", serif; font-size: 11pt; line-height: 1.6; color: #000; max-width: 178mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; }
.meta { text-align: center; margin: 0 0 6mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #000; }
section { break-inside: avoid; page-break-inside: avoid; }
ul { margin: 0; padding-left: 6mm; }
.names { font-size: 10pt; }
footer { margin-top: 8mm; font-size: 9pt; word-break: break-all; border-top: 1px solid #000; padding-top: 2mm; }
@media print { body { padding: 0; } }
`;

/** The whole page. */
export function noticeHtml(notice: NoticeDocument): string {
  const e = escapeHtml;
  const names = notice.attendance.names;
  const attendance = [`<p>${e(attendanceWords(notice))}</p>`];
  if (names) {
    attendance.push(`<p class="names">签到：${e(names.signedIn.join("、"))}</p>`);
    if (names.proxies.length > 0) attendance.push(`<p class="names">委托：${e(names.proxies.map((p) => `${p.member}（委托${p.holder}）`).join("、"))}</p>`);
  }
  const items = notice.items.map(
    (item) => `<section>
<h2>${item.position}. 【${e(kindWords(item.kind))}】${e(item.title)}${item.secret ? "（无记名投票）" : ""}</h2>
<ul>${item.summary.map((line) => `<li>${e(line)}</li>`).join("")}</ul>
<p class="names">规则：${e(item.rule.name)} 第${item.rule.version}版（${e(item.rule.entry)}）；投票${item.voted}人</p>
</section>`,
  );
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>公示：${e(notice.meeting.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>公示：${e(notice.meeting.title)}</h1>
<p class="meta">${e(notice.meeting.body)}（名册第${notice.meeting.bodyVersion}版） · ${e(closedAtWords(notice.meeting.closedAt))}</p>
<section><h2>出席情况</h2>${attendance.join("\n")}</section>
${items.join("\n")}
<footer>审计链头：第${notice.audit.seq}条事件，${e(notice.audit.hash)}</footer>
</body>
</html>
`;
}
