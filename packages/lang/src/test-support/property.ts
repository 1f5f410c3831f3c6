/**
 * fast-check for every property test of the repository, with a seed that can be replayed: each run
 * draws a seed (or takes FC_SEED), and a failure ends with the command that replays it, FC_PATH
 * included, which jumps straight to the shrunk counterexample. Replay with `-t` so only that
 * property runs: a path belongs to one property.
 */

import fc from "fast-check";
import { expect } from "vitest";

interface ReplayEnvironment {
  FC_SEED?: string;
  FC_PATH?: string;
}

// The language is type-checked without Node's types; tests run on Node, which has a process.
const nodeProcess = (globalThis as { process?: { env: ReplayEnvironment; cwd(): string } }).process;
const environment: ReplayEnvironment = nodeProcess?.env ?? {};

/** The seed to run with: FC_SEED when set, else a fresh one drawn the way fast-check draws its own. */
function seedOfRun(): number {
  const given = environment.FC_SEED;
  if (given === undefined || given === "") return (Date.now() ^ (Math.random() * 0x100000000)) | 0;
  const seed = Number(given);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${JSON.stringify(given)}`);
  return seed;
}

/** The command that replays a failure, from the seed and the path in fast-check's report. */
function replayHint(seed: number, report: string): string {
  const path = /path: "([^"]*)"/.exec(report)?.[1];
  const { testPath, currentTestName } = expect.getState();
  const test = currentTestName?.split(" > ").pop();
  const cwd = `${nodeProcess?.cwd() ?? ""}/`;
  const file = testPath?.startsWith(cwd) ? testPath.slice(cwd.length) : (testPath ?? "<file>");
  return [
    `Replay: FC_SEED=${seed}${path ? ` FC_PATH=${path}` : ""} npx vitest run ${file}`,
    test ? ` -t ${JSON.stringify(test)}` : "",
  ].join("");
}

/** fc.assert with a logged, replayable seed (FC_SEED, FC_PATH) and verbose counterexamples. */
export function assertProperty<Ts>(property: fc.IAsyncProperty<Ts>, params?: fc.Parameters<Ts>): Promise<void>;
export function assertProperty<Ts>(property: fc.IProperty<Ts>, params?: fc.Parameters<Ts>): void;
export function assertProperty<Ts>(property: fc.IRawProperty<Ts>, params: fc.Parameters<Ts> = {}): Promise<void> | void {
  const seed = seedOfRun();
  const path = environment.FC_PATH || undefined;
  const annotated = (error: unknown): never => {
    if (error instanceof Error) error.message += `\n${replayHint(seed, error.message)}`;
    throw error;
  };
  try {
    const run = fc.assert(property, { verbose: fc.VerbosityLevel.Verbose, ...params, seed, ...(path ? { path } : {}) });
    return run instanceof Promise ? run.catch(annotated) : run;
  } catch (error) {
    return annotated(error);
  }
}
