/**
 * `gavel audit head|verify <ballot>`: asks a running gavel service for a ballot's audit chain head (to keep outside
 * the database), and has it verify the ballot, optionally against a head kept earlier.
 */
import type { CommandContext } from "../context.ts";
import { ExitCode } from "../context.ts";
import type { Language } from "../messages.ts";

export interface AuditOptions {
  url?: string;
  token?: string;
  head?: string;
  format?: "json" | "text";
}

interface AuditText {
  group: string;
  headDescription: string;
  verifyDescription: string;
  ballotArgument: string;
  urlOption: string;
  tokenOption: string;
  headOption: string;
  formatOption: string;
  missingUrl: string;
  missingToken: string;
  badHead: (head: string) => string;
  unreachable: (url: string, reason: string) => string;
  refused: (status: number, code: string, message: string) => string;
  headLine: (seq: number, state: string) => string;
  intact: (events: number, head: string) => string;
  anchored: (seq: number) => string;
  broken: (count: number) => string;
}

const TEXT: Record<Language, AuditText> = {
  en: {
    group: "Audit chain of a ballot on a running service: keep its head outside the database, verify it later.",
    headDescription: "Print the ballot's chain head (seq and hash) to keep outside the database.",
    verifyDescription: "Verify the ballot (chain, stored rows, tally, result); with --head, also that the log still contains a kept head. Exit 1 when anything does not match.",
    ballotArgument: "the ballot id",
    urlOption: "the service URL (default $GAVEL_URL)",
    tokenOption: "a bearer token that may read (default $GAVEL_TOKEN)",
    headOption: "a head kept earlier (64 hex digits)",
    formatOption: "output format",
    missingUrl: "No service URL: pass --url or set GAVEL_URL.",
    missingToken: "No token: pass --token or set GAVEL_TOKEN.",
    badHead: (head) => `--head must be 64 lower-case hex digits, got "${head}".`,
    unreachable: (url, reason) => `Cannot reach the gavel service at ${url}: ${reason}`,
    refused: (status, code, message) => `The service answered ${status} ${code}: ${message}`,
    headLine: (seq, state) => `after event ${seq}; the ballot is ${state}${state === "closed" ? " (this head is final)" : ""}`,
    intact: (events, head) => `intact: ${events} events, head ${head}`,
    anchored: (seq) => `the kept head is event ${seq} of the log`,
    broken: (count) => `NOT intact: ${count} problem(s)`,
  },
  zh: {
    group: "运行中服务上某次表决的审计链：把链头保存在数据库之外，之后再核验。",
    headDescription: "输出表决审计链的链头（序号和哈希），保存在数据库之外。",
    verifyDescription: "核验表决（审计链、存储的行、计票、结果）；带 --head 时还核对日志仍包含先前保存的链头。任何不符时退出码为 1。",
    ballotArgument: "表决 id",
    urlOption: "服务地址（默认 $GAVEL_URL）",
    tokenOption: "有读取权限的令牌（默认 $GAVEL_TOKEN）",
    headOption: "先前保存的链头（64 位十六进制）",
    formatOption: "输出格式",
    missingUrl: "缺少服务地址：请使用 --url 或设置 GAVEL_URL。",
    missingToken: "缺少令牌：请使用 --token 或设置 GAVEL_TOKEN。",
    badHead: (head) => `--head 须为 64 位小写十六进制，收到 “${head}”。`,
    unreachable: (url, reason) => `无法连接 gavel 服务 ${url}：${reason}`,
    refused: (status, code, message) => `服务返回 ${status} ${code}：${message}`,
    headLine: (seq, state) => `位于第 ${seq} 个事件之后；表决状态 ${state}${state === "closed" ? "（此链头不再变化）" : ""}`,
    intact: (events, head) => `完好：${events} 个事件，链头 ${head}`,
    anchored: (seq) => `保存的链头是日志中的第 ${seq} 个事件`,
    broken: (count) => `不完好：发现 ${count} 个问题`,
  },
};

/** The audit command's texts in `language`. */
export function auditText(language: Language): AuditText {
  return TEXT[language];
}

interface HeadBody {
  ballot: string;
  seq: number;
  hash: string;
  state: string;
}

interface VerifyBody {
  intact: boolean;
  events: number;
  head: string;
  problems: { code: string; message: string; seq?: number }[];
  anchor?: { hash: string; seq: number | null };
}

type Fetched<T> = { ok: true; body: T } | { ok: false; exitCode: number };

/** GETs `path` from the service with the token; reports refusals and connection failures on stderr. */
async function getJson<T>(path: string, options: AuditOptions, ctx: CommandContext): Promise<Fetched<T>> {
  const { io, style, language } = ctx;
  const text = auditText(language);
  const url = options.url ?? io.env.GAVEL_URL;
  const token = options.token ?? io.env.GAVEL_TOKEN;
  const fail = (message: string, exitCode: number): Fetched<T> => {
    io.stderr(`${style.red(message)}\n`);
    return { ok: false, exitCode };
  };
  if (!url) return fail(text.missingUrl, ExitCode.usage);
  if (!token) return fail(text.missingToken, ExitCode.usage);
  let response: Response;
  try {
    response = await fetch(new URL(path, url.endsWith("/") ? url : `${url}/`), { headers: { authorization: `Bearer ${token}`, accept: "application/json" } });
  } catch (error) {
    return fail(text.unreachable(url, error instanceof Error ? error.message : String(error)), ExitCode.failure);
  }
  const body = (await response.json().catch(() => null)) as (T & { error?: { code: string; message: string } }) | null;
  if (!response.ok || body === null) return fail(text.refused(response.status, body?.error?.code ?? "", body?.error?.message ?? response.statusText), ExitCode.failure);
  return { ok: true, body };
}

const ballotPath = (ballot: string) => `v1/ballots/${encodeURIComponent(ballot)}/audit`;

/** `gavel audit head <ballot>`: prints the head as JSON on stdout (a note on stderr). */
export async function runAuditHead(ballot: string, options: AuditOptions, ctx: CommandContext): Promise<number> {
  const fetched = await getJson<HeadBody>(`${ballotPath(ballot)}/head`, options, ctx);
  if (!fetched.ok) return fetched.exitCode;
  const { ballot: id, seq, hash, state } = fetched.body;
  ctx.io.stdout(`${JSON.stringify({ ballot: id, seq, hash, state })}\n`);
  ctx.io.stderr(`${auditText(ctx.language).headLine(seq, state)}\n`);
  return ExitCode.ok;
}

/** `gavel audit verify <ballot> [--head HASH]`: exit 0 when intact (and the kept head is in the log), else 1. */
export async function runAuditVerify(ballot: string, options: AuditOptions, ctx: CommandContext): Promise<number> {
  const { io, style, language } = ctx;
  const text = auditText(language);
  if (options.head !== undefined && !/^[0-9a-f]{64}$/.test(options.head)) {
    io.stderr(`${style.red(text.badHead(options.head))}\n`);
    return ExitCode.usage;
  }
  const query = options.head ? `?head=${options.head}` : "";
  const fetched = await getJson<VerifyBody>(`${ballotPath(ballot)}/verify${query}`, options, ctx);
  if (!fetched.ok) return fetched.exitCode;
  const result = fetched.body;
  // The anchor is checked here too, so a service that leaves it out cannot pass a kept head silently.
  const anchored = options.head === undefined || (result.anchor?.hash === options.head && result.anchor.seq !== null);
  const intact = result.intact && anchored;
  if (options.format === "json") io.stdout(`${JSON.stringify(result)}\n`);
  else if (intact) {
    io.stdout(`${style.green(text.intact(result.events, result.head))}\n`);
    if (options.head && result.anchor?.seq) io.stdout(`${text.anchored(result.anchor.seq)}\n`);
  } else {
    io.stdout(`${style.red(text.broken(Math.max(result.problems.length, 1)))}\n`);
    for (const problem of result.problems) io.stdout(`  ${problem.code}${problem.seq !== undefined ? ` @${problem.seq}` : ""}: ${problem.message}\n`);
  }
  return intact ? ExitCode.ok : ExitCode.failure;
}
