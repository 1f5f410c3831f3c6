/** Loads @gavel-rules/server for the commands that work on a store; undefined when this installation has no server. */
import type * as ServerPackage from "@gavel-rules/server";
import { isModuleMissing } from "./serve.ts";

export type { ServerPackage };

// A variable specifier keeps the server out of the CLI's start-up: only store commands load it.
const serverPackage = "@gavel-rules/server";

/** The server package, or undefined when it is not installed. */
export async function loadServerPackage(): Promise<typeof ServerPackage | undefined> {
  try {
    return (await import(serverPackage)) as typeof ServerPackage;
  } catch (error) {
    if (isModuleMissing(error)) return undefined;
    throw error;
  }
}
