/** Which gavel the extension runs: the setting first, then the workspace's install, then npx with the scoped package. */
import { posix, win32 } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveGavelCommand } from "./gavel-command.ts";

const context = (setting: string, existing: string[], platform: NodeJS.Platform = "linux") => ({
  setting,
  workspaceFolders: platform === "win32" ? ["C:\\a", "C:\\b"] : ["/a", "/b"],
  exists: (p: string) => existing.includes(p),
  platform,
  join: platform === "win32" ? win32.join : posix.join,
});

describe("resolveGavelCommand", () => {
  it("takes the gavel.path setting over everything else", () => {
    expect(resolveGavelCommand(context(" /opt/gavel ", ["/a/node_modules/.bin/gavel"]))).toEqual({ command: "/opt/gavel", args: [], shell: false, source: "setting" });
  });

  it("takes the first workspace folder that has node_modules/.bin/gavel", () => {
    expect(resolveGavelCommand(context("", ["/b/node_modules/.bin/gavel"]))).toMatchObject({ command: "/b/node_modules/.bin/gavel", args: [], source: "workspace" });
    expect(resolveGavelCommand(context("", ["/a/node_modules/.bin/gavel", "/b/node_modules/.bin/gavel"])).command).toBe("/a/node_modules/.bin/gavel");
  });

  it("falls back to npx with the scoped CLI package, never the unrelated `gavel` package, and never a prompt", () => {
    expect(resolveGavelCommand(context("", []))).toEqual({ command: "npx", args: ["--yes", "-p", "@gavel-rules/cli", "gavel"], shell: false, source: "npx" });
  });

  it("runs the .cmd shims through a shell on Windows", () => {
    expect(resolveGavelCommand(context("", ["C:\\b\\node_modules\\.bin\\gavel.cmd"], "win32"))).toMatchObject({ command: "C:\\b\\node_modules\\.bin\\gavel.cmd", shell: true });
    expect(resolveGavelCommand(context("", [], "win32"))).toMatchObject({ command: "npx.cmd", shell: true });
  });
});
