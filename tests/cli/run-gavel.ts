/** Runs the real `gavel` command (packages/cli/bin/gavel.js) in a child process. */
import { execFile } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const gavelBin = join(repoRoot, "packages/cli/bin/gavel.js");

export interface GavelRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `gavel ...args` in `cwd` with stdout and stderr piped (and `stdin` written to its standard input); never rejects on a non-zero exit. */
export function gavel(args: string[], cwd: string, env: Record<string, string> = {}, stdin?: string): Promise<GavelRun> {
  // A clean environment: no colour forced or disabled from outside, English unless a test asks.
  const base = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LANG: "C.UTF-8" };
  return new Promise((done, fail) => {
    const child = execFile(process.execPath, [gavelBin, ...args], { cwd, env: { ...base, ...env }, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") return fail(error);
      done({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
    });
    if (stdin !== undefined) child.stdin?.end(stdin);
  });
}
