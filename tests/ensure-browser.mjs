#!/usr/bin/env node
// Runs before `npm test`: the browser tests drive Debian's Chromium (with CJK fonts for the editor's Chinese).
// As root with apt-get (CI, a fresh container) it installs them; otherwise it names the one command to run and
// fails, so a missing browser is never a silently skipped suite.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = "/usr/bin/chromium";
const PACKAGES = ["chromium", "fonts-wqy-microhei"];

function installed(pkg) {
  try {
    execFileSync("dpkg", ["-s", pkg], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const hasDpkg = existsSync("/usr/bin/dpkg");
const missing = hasDpkg ? PACKAGES.filter((p) => !installed(p)) : existsSync(CHROMIUM) ? [] : ["chromium"];
if (missing.length === 0) process.exit(0);

const command = `apt-get install -y ${missing.join(" ")}`;
if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
  console.error(`gavel tests: installing ${missing.join(", ")} for the browser tests (${command})`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", ...missing], { stdio: ["ignore", "ignore", "inherit"], env });
  process.exit(0);
}
console.error(`gavel tests: the browser tests need ${missing.join(" and ")} (${CHROMIUM}). Install with:\n  sudo ${command}`);
process.exit(1);
