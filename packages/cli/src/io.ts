/** The outside world a command talks to: output streams, standard input, working folder and environment. */
import { readFileSync } from "node:fs";

export interface CliIo {
  /** Writes to standard output (text is written as given; add your own newlines). */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether standard output is a terminal (colour is used only then). */
  isTTY: boolean;
  /** Reads all of standard input as UTF-8 (for the `-` path and `--input -`). */
  readStdin(): string;
}

/** The real process: its streams, folder and environment. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    // Synchronous on purpose: commands read stdin once, whole, before they start.
    readStdin: () => readFileSync(0, "utf8"),
  };
}

/** An in-memory sink for running the CLI inside a program or a test. */
export function memoryIo(options: Partial<Omit<CliIo, "stdout" | "stderr" | "readStdin">> & { stdin?: string } = {}): CliIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
    readStdin: () => options.stdin ?? "",
  };
  return io;
}
