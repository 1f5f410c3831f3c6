/** `gavel test --watch`: one run, then another whenever a rule file (or .gavelignore) under the given paths changes. */
import { existsSync, statSync, watch, type FSWatcher } from "node:fs";
import { dirname, resolve } from "node:path";
import type { CommandContext } from "../context.ts";
import { globBase, isGlob } from "../glob.ts";
import { STDIN } from "../rule-file.ts";
import { runTest, type TestOptions } from "./test.ts";

/** The folders to watch for the given paths: a folder itself, a file's folder, a pattern's literal prefix. */
export function watchedFolders(paths: readonly string[], cwd: string): string[] {
  const folders = new Set<string>();
  for (const given of paths.length > 0 ? paths : ["."]) {
    if (given === STDIN) continue;
    const path = resolve(cwd, given);
    if (existsSync(path)) folders.add(statSync(path).isDirectory() ? path : dirname(path));
    else if (isGlob(given)) folders.add(resolve(cwd, globBase(given).base));
  }
  return [...folders].filter((folder) => existsSync(folder));
}

/** Whether a change to this file name can change the run. */
const relevant = (name: string | null): boolean => name === null || name.endsWith(".gavel") || name.endsWith(".gavelignore");

/**
 * Runs the tests, then again after each change, until `signal` aborts (the command itself runs until
 * interrupted). Resolves to the exit code of the last run.
 */
export function runTestWatch(paths: readonly string[], options: TestOptions, ctx: CommandContext, signal?: AbortSignal): Promise<number> {
  const { io, messages } = ctx;
  return new Promise((done) => {
    let code: number = 0;
    let pending: NodeJS.Timeout | undefined;
    const run = () => {
      pending = undefined;
      code = runTest(paths, options, ctx);
      // Said after each run, once the watchers are in place: a change from now on is seen.
      io.stderr(`${messages.watching}\n`);
    };
    // Editors save in bursts (write, rename, chmod): one run per burst.
    const schedule = (_event: string, name: string | Buffer | null) => {
      if (!relevant(typeof name === "string" ? name : name === null ? null : name.toString())) return;
      if (pending) clearTimeout(pending);
      pending = setTimeout(run, 100);
    };
    const watchers: FSWatcher[] = watchedFolders(paths, io.cwd).map((folder) => watch(folder, { recursive: true }, schedule));
    run();
    const stop = () => {
      if (pending) clearTimeout(pending);
      for (const watcher of watchers) watcher.close();
      done(code);
    };
    if (signal?.aborted) stop();
    else signal?.addEventListener("abort", stop, { once: true });
  });
}
