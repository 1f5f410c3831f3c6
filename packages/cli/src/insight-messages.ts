/** What `gavel table` and `gavel diff` say to people, in English and Chinese (machine output stays the same in both). */
import type { Language } from "./messages.ts";

export interface InsightMessages {
  tableDescription: string;
  diffDescription: string;
  fileArgument: string;
  oldFileArgument: string;
  newFileArgument: string;
  tableRuleOption: string;
  diffRuleOption: string;
  newRuleOption: string;
  entitledOption: string;
  tableFormatOption: string;
  diffFormatOption: string;
  examplesOption: string;
  badRange(text: string): string;
  notAVote(rule: string, kind: string): string;
  kindMismatch(oldRule: string, oldKind: string, newRule: string, newKind: string): string;
  tooManyTallies(max: number): string;
  /** Headers of the text table. */
  tableHeaders: [string, string, string];
  none: string;
  diffSummary(tallies: string, changed: string, entitledTo: number): string;
  diffNoChange: string;
  diffExamples: string;
  diffShifts: string;
  diffShiftHeaders: [string, string, string];
  scorecardBoundaries: string;
  scorecardGrid(inputs: number, changed: number, grid: string): string;
}

const en: InsightMessages = {
  tableDescription: "Print a vote's threshold table: for each roster size, the least number present for a quorum and the least yes votes that pass with everyone present.",
  diffDescription:
    "Compare two rules. Votes: on every tally up to a roster size, how many change outcome, examples, and how the needed counts move. Scorecards: how band boundaries move and which inputs on a grid around them change score or grade.",
  fileArgument: "the rule file",
  oldFileArgument: "the rule file before the change",
  newFileArgument: "the rule file after the change",
  tableRuleOption: "the vote (optional when the file defines exactly one rule)",
  diffRuleOption: "the rule in OLD (and in NEW unless --new-rule is given)",
  newRuleOption: "the rule in NEW, when it has another name",
  entitledOption: "roster sizes: FROM..TO or one size",
  tableFormatOption: "text (a readable table), json (an array of rows) or csv",
  diffFormatOption: "text (a readable summary) or json",
  examplesOption: "how many changed tallies to show (default 10)",
  badRange: (text) => `Not a roster range: ${text} (expected FROM..TO, e.g. 0..60, or one size).`,
  notAVote: (rule, kind) => `'${rule}' is a ${kind}; this command is for votes${kind === "election" || kind === "rating" ? " (and diff for scorecards)" : ""}.`,
  kindMismatch: (a, ak, b, bk) => `'${a}' is a ${ak} and '${b}' a ${bk}: only rules of one kind are compared.`,
  tooManyTallies: (max) => `The range is too large: at most roster ${max} is compared.`,
  tableHeaders: ["entitled", "quorum: least present", "passes: least yes (all present)"],
  none: "—",
  diffSummary: (tallies, changed, to) => `${changed} of ${tallies} tallies change outcome (every roster up to ${to}, every present and vote count).`,
  diffNoChange: "No tally changes outcome.",
  diffExamples: "First changed tallies (entitled, present, yes, no, abstain: old → new):",
  diffShifts: "Needed counts that move:",
  diffShiftHeaders: ["entitled", "quorum: least present", "passes: least yes"],
  scorecardBoundaries: "Band boundaries that move:",
  scorecardGrid: (inputs, changed, grid) =>
    `${changed} of ${inputs} inputs on the grid around the thresholds change score or grade${String(inputs) === grid ? "" : ` (${inputs} evenly spread points of ${grid})`}.`,
};

const zh: InsightMessages = {
  tableDescription: "输出表决规则的门槛表：每个应到人数下，达到法定人数所需的最少实到人数，以及全体到会时通过所需的最少赞成票。",
  diffDescription: "比较两条规则。表决规则：在给定应到人数以内的每一种计票情况上，多少情况结果改变、示例，以及所需人数如何变化。评分规则：评分档界限如何移动，界限附近网格上哪些输入的得分或等级改变。",
  fileArgument: "规则文件",
  oldFileArgument: "修改前的规则文件",
  newFileArgument: "修改后的规则文件",
  tableRuleOption: "表决规则（文件只定义一条规则时可省略）",
  diffRuleOption: "OLD 中的规则（未给 --new-rule 时也是 NEW 中的规则）",
  newRuleOption: "NEW 中的规则（名称不同时）",
  entitledOption: "应到人数范围：FROM..TO 或单个人数",
  tableFormatOption: "text（可读的表格）、json（行的数组）或 csv",
  diffFormatOption: "text（可读的摘要）或 json",
  examplesOption: "显示多少个结果改变的计票情况（默认 10）",
  badRange: (text) => `不是有效的人数范围：${text}（应为 FROM..TO，例如 0..60，或单个人数）。`,
  notAVote: (rule, kind) => `“${rule}” 是 ${kind}，此命令只适用于表决规则（vote）${kind === "election" || kind === "rating" ? "（diff 也适用于评分规则 scorecard）" : ""}。`,
  kindMismatch: (a, ak, b, bk) => `“${a}” 是 ${ak}，“${b}” 是 ${bk}：只能比较同一种规则。`,
  tooManyTallies: (max) => `范围太大：最多比较到应到 ${max} 人。`,
  tableHeaders: ["应到人数", "法定人数：最少实到", "通过：最少赞成票（全体到会）"],
  none: "—",
  diffSummary: (tallies, changed, to) => `${tallies} 种计票情况中有 ${changed} 种结果改变（应到人数至 ${to} 的每一种实到与票数）。`,
  diffNoChange: "没有任何计票情况的结果改变。",
  diffExamples: "结果改变的前几种情况（应到、实到、赞成、反对、弃权：原 → 新）：",
  diffShifts: "所需人数的变化：",
  diffShiftHeaders: ["应到人数", "法定人数：最少实到", "通过：最少赞成票"],
  scorecardBoundaries: "评分档界限的变化：",
  scorecardGrid: (inputs, changed, grid) => `界限附近网格上的 ${inputs} 组输入${String(inputs) === grid ? "" : `（从 ${grid} 组中均匀抽取）`}中有 ${changed} 组的得分或等级改变。`,
};

/** The insight commands' messages in a language. */
export function insightMessagesFor(language: Language): InsightMessages {
  return language === "zh" ? zh : en;
}
