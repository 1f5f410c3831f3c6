/** Which `gavel` the extension runs: the setting, else the workspace's own install, else npx. */

/** A command line to start: the executable and the arguments before gavel's own. */
export interface GavelCommand {
  command: string;
  args: string[];
  /** Windows runs .cmd shims and npx only through a shell. */
  shell: boolean;
  /** Where the choice came from, for the output channel. */
  source: "setting" | "workspace" | "npx";
}

export interface GavelCommandContext {
  /** The `gavel.path` setting; empty when unset. */
  setting: string;
  /** The workspace folders' paths, first folder first. */
  workspaceFolders: readonly string[];
  exists: (path: string) => boolean;
  platform: NodeJS.Platform;
  join: (...parts: string[]) => string;
}

/** The npm package that provides the `gavel` command (the unscoped name `gavel` is someone else's). */
export const CLI_PACKAGE = "@gavel-rules/cli";

/** Resolves the gavel command: `gavel.path` → `<folder>/node_modules/.bin/gavel` → `npx --yes -p @gavel-rules/cli gavel`. */
export function resolveGavelCommand(ctx: GavelCommandContext): GavelCommand {
  const windows = ctx.platform === "win32";
  const setting = ctx.setting.trim();
  if (setting !== "") return { command: setting, args: [], shell: windows && /\.(cmd|bat)$/i.test(setting), source: "setting" };
  for (const folder of ctx.workspaceFolders) {
    const bin = ctx.join(folder, "node_modules", ".bin", windows ? "gavel.cmd" : "gavel");
    if (ctx.exists(bin)) return { command: bin, args: [], shell: windows, source: "workspace" };
  }
  // --yes: npx would otherwise ask on stdin whether to install, and the language server's stdin is the protocol.
  return { command: windows ? "npx.cmd" : "npx", args: ["--yes", "-p", CLI_PACKAGE, "gavel"], shell: windows, source: "npx" };
}
