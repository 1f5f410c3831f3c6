/** Terminal colours: on for a terminal, off when piped or when NO_COLOR is set (https://no-color.org). */
import pc from "picocolors";
import type { CliIo } from "./io.ts";

export type Style = ReturnType<typeof pc.createColors>;

/** Whether output to this io should be coloured. FORCE_COLOR turns colour on, NO_COLOR off. */
export function colorEnabled(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "0") return true;
  return io.isTTY && io.env.TERM !== "dumb";
}

/** Colour functions for this io (identity functions when colour is off). */
export function createStyle(io: CliIo): Style {
  return pc.createColors(colorEnabled(io));
}
