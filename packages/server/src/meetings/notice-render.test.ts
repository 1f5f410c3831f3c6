import { describe, expect, it } from "vitest";
import { closedAtWords, type NoticeDocument } from "./notice.ts";
import { noticeCsv } from "./notice-csv.ts";
import { escapeHtml, noticeHtml } from "./notice-html.ts";

/** A notice whose every text is hostile: markup, quotes, and cells a spreadsheet would run. */
const hostile: NoticeDocument = {
  meeting: { title: `<script>alert("会")</script>`, body: `=HYPERLINK("http://x","点我")`, bodyVersion: 2, closedAt: "2026-12-01T00:00:00.000Z" },
  attendance: { entitled: 3, signedIn: 2, proxies: 1, present: 3, names: { signedIn: [`<b onmouseover=alert(1)>王</b>`, "+李"], proxies: [{ member: "@张", holder: "-赵" }] } },
  items: [{ position: 1, kind: "motion", title: `"><img src=x>`, round: null, previousPosition: null, rule: { name: "major_matter", version: 1, entry: "major_matter" }, secret: false, voted: 3, summary: ["=1+1", "通过"], result: null }],
  audit: { seq: 9, hash: "a".repeat(64) },
};

describe("the notice's renderings", () => {
  it("escapes every text in HTML", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    const html = noticeHtml(hostile);
    expect(html).not.toMatch(/<script|<b |<img/);
    expect(html).toContain("&lt;script&gt;alert(&quot;会&quot;)&lt;/script&gt;");
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("@page { size: A4");
    expect(html).toContain(`审计链头：第9条事件，${"a".repeat(64)}`);
    expect(html).toContain("2026年12月1日 08:00（北京时间）");
    expect(closedAtWords("2026-12-31T16:30:00.000Z")).toBe("2027年1月1日 00:30（北京时间）");
  });

  it("writes CSV cells a spreadsheet will not run, with a byte-order mark", () => {
    const csv = noticeCsv(hostile);
    expect(csv.startsWith("\uFEFF序号,类别,事项,内容\n")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""点我"")（名册第2版），2026-12-01T00:00:00.000Z"`);
    expect(csv).toContain("1,表决,\"\"\"><img src=x>\",'=1+1\n");
    expect(csv).toContain("'@张（委托-赵）");
    expect(csv).not.toMatch(/^[=+\-@]/m);
  });
});
