/**
 * `gavel meeting replay <meeting.json>`: runs a meeting kept as files through the gavel API, in this process on a
 * temporary embedded store (default), or against a running service (--server URL --token T), and prints its 公示.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CommandContext } from "../context.ts";
import { ExitCode } from "../context.ts";
import { readPlan, type MeetingPlan, type PlanPaper } from "./meeting-plan.ts";
import { loadServerPackage } from "./server-package.ts";

export interface ReplayOptions {
  server?: string;
  token?: string;
  format?: "text" | "json";
}

interface Answer {
  status: number;
  body: unknown;
  text: string;
}

/** One API request: method, path, JSON body; answers status, parsed JSON (when it is) and text. */
type Send = (method: "GET" | "POST" | "PUT", path: string, body?: unknown) => Promise<Answer>;

class ReplayError extends Error {}

/** The answer's body when the status is `expected`; else a ReplayError naming the step and the service's error. */
async function expectStatus(step: string, answer: Promise<Answer>, expected: number): Promise<any> {
  const { status, body, text } = await answer;
  if (status !== expected) {
    const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ReplayError(`${step}: ${status} ${error?.code ?? ""} ${error?.message ?? text.slice(0, 300)}`);
  }
  return body;
}

/** Runs the plan through `send`; returns the notice's text and id, and the assessments run. */
async function replay(plan: MeetingPlan, files: ReturnType<typeof readPlan>, send: Send, log: (line: string) => void) {
  for (const [name, path] of Object.entries(plan.rules ?? {})) {
    await expectStatus(`store rule ${name}`, send("PUT", `/v1/rules/${encodeURIComponent(name)}`, { source: files.text(path) }), 201);
  }
  const body = await expectStatus("create the body", send("POST", "/v1/bodies", files.json(plan.body)), 201);
  const meeting = await expectStatus("open the meeting", send("POST", "/v1/meetings", { title: plan.title, body: body.id, ...(plan.maxProxies !== undefined ? { maxProxies: plan.maxProxies } : {}) }), 201);
  const at = (path: string) => `/v1/meetings/${meeting.id}${path}`;
  for (const member of plan.signIns) await expectStatus(`sign in ${member}`, send("POST", at("/sign-ins"), { member }), 201);
  for (const proxy of plan.proxies ?? []) await expectStatus(`proxy ${proxy.member} → ${proxy.holder}`, send("POST", at("/proxies"), proxy), 201);
  const assessments: string[] = [];
  for (const entry of plan.agenda) {
    const { votes, rounds, assess, ...request } = entry;
    let item = await expectStatus(`open ${entry.title}`, send("POST", at("/items"), request), 201);
    const paperFiles = rounds ?? (votes ? [votes] : []);
    for (const [round, file] of paperFiles.entries()) {
      if (!item) throw new ReplayError(`${entry.title}: the papers of round ${round + 1} are given, but round ${round} opened no next round`);
      for (const paper of files.json<PlanPaper[]>(file)) {
        await expectStatus(`${item.title}: paper of ${paper.member}`, send("POST", at(`/items/${item.id}/votes`), paper), 201);
      }
      const closed = await expectStatus(`close ${item.title}`, send("POST", at(`/items/${item.id}/close`)), 200);
      log(`${closed.item.title}: ${closed.item.result.outcome ?? closed.item.result.kind}`);
      if (assess) {
        const payload = { rule: assess.rule, item: item.id, ...(assess.levels ? { levels: assess.levels } : {}), ...(assess.inputs ? { inputs: files.json(assess.inputs) } : {}) };
        const assessed = await expectStatus(`assess ${item.title} with ${assess.rule}`, send("POST", "/v1/assessments", payload), 200);
        for (const r of assessed.results as { rank: number; id: string; score: number | { decimal: string }; grade: string | null }[]) {
          assessments.push(`${r.rank}. ${r.id}  ${typeof r.score === "number" ? r.score : r.score.decimal}  ${r.grade ?? ""}`);
        }
      }
      item = closed.next;
    }
  }
  const closed = await expectStatus("close the meeting", send("POST", at("/close")), 200);
  const notice = await send("GET", `/v1/notices/${closed.noticeId}?format=text`);
  const json = await send("GET", `/v1/notices/${closed.noticeId}?format=json`);
  return { noticeId: closed.noticeId as string, text: notice.text, json: json.body, assessments };
}

function sendOverHttp(server: string, token: string): Send {
  const base = server.replace(/\/+$/, "");
  return async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text, body: parsed(text) };
  };
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Replays the meeting; prints the 公示 (text, or the notice JSON with --format json). Exit 1 when a step is refused. */
export async function runMeetingReplay(file: string, options: ReplayOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  let files: ReturnType<typeof readPlan>;
  try {
    files = readPlan(file);
  } catch (error) {
    io.stderr(`gavel meeting replay: cannot read ${file}: ${(error as Error).message}\n`);
    return ExitCode.usage;
  }
  const log = (line: string) => io.stderr(`${line}\n`);
  let send: Send;
  let finish = async () => undefined as void;
  if (options.server) {
    const token = options.token ?? io.env.GAVEL_TOKEN;
    if (!token) {
      io.stderr("gavel meeting replay: --server needs --token (or GAVEL_TOKEN): an admin token, or a clerk's when the rules are stored already.\n");
      return ExitCode.usage;
    }
    send = sendOverHttp(options.server, token);
  } else {
    const server = await loadServerPackage();
    if (!server) {
      io.stderr("gavel meeting replay: @gavel-rules/server is not installed; pass --server URL --token T to replay against a running service.\n");
      return ExitCode.usage;
    }
    // A throwaway embedded store: the replay leaves nothing behind.
    const dataDir = mkdtempSync(join(tmpdir(), "gavel-meeting-"));
    const started = await server.createServer({ dataDir, logger: false, workerThreads: 1 });
    const token = started.adminToken!;
    send = async (method, path, body) => {
      const response = await started.app.inject({ method, url: path, headers: { authorization: `Bearer ${token}`, accept: "application/json" }, ...(body === undefined ? {} : { payload: body as object }) });
      return { status: response.statusCode, text: response.body, body: parsed(response.body) };
    };
    finish = async () => {
      await started.close();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  try {
    const result = await replay(files.plan, files, send, log);
    if (options.format === "json") io.stdout(`${JSON.stringify({ noticeId: result.noticeId, notice: result.json, assessments: result.assessments }, null, 2)}\n`);
    else {
      io.stdout(result.text);
      if (result.assessments.length > 0) io.stdout(`\n考核（${files.plan.agenda.find((i) => i.assess)?.assess?.rule}）：\n${result.assessments.map((l) => `  ${l}`).join("\n")}\n`);
      if (options.server) io.stdout(`\n公示：${options.server.replace(/\/+$/, "")}/v1/notices/${result.noticeId}\n`);
    }
    return ExitCode.ok;
  } catch (error) {
    if (!(error instanceof ReplayError)) throw error;
    io.stderr(`gavel meeting replay: ${error.message}\n`);
    return ExitCode.failure;
  } finally {
    await finish();
  }
}
