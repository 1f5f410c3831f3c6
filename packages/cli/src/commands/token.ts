/** `gavel token create|list|revoke`: token administration straight on the store, for an operator on the machine. */
import { hostname, userInfo } from "node:os";
import type { CommandContext } from "../context.ts";
import { ExitCode } from "../context.ts";
import { operatorMessagesFor } from "../operator-messages.ts";
import { withStore, type StoreOptions } from "./store-target.ts";

export interface TokenCreateOptions extends StoreOptions {
  role: string;
  name: string;
}

// Token commands migrate like a service start, so they also work on a PostgreSQL database no service opened yet.
const TOKEN_STORE = { mustExist: true, migrate: true };

/** Who created a token from the command line: the operating-system account, for the token list. */
function operatorName(): string {
  try {
    return `operator ${userInfo().username}@${hostname()}`;
  } catch {
    return `operator @${hostname()}`; // no passwd entry (some containers)
  }
}

/** Creates a token; its secret alone goes to stdout (for scripts), the notice to stderr. */
export async function runTokenCreate(options: TokenCreateOptions, ctx: CommandContext): Promise<number> {
  const m = operatorMessagesFor(ctx.language);
  return withStore(options, ctx, TOKEN_STORE, async (server, db) => {
    const roles: readonly string[] = server.ROLES;
    if (!roles.includes(options.role)) {
      ctx.io.stderr(`${ctx.style.red(m.invalidRole(options.role, roles))}\n`);
      return ExitCode.usage;
    }
    const created = await new server.TokenStore(db).create(options.name, options.role as (typeof server.ROLES)[number], operatorName());
    ctx.io.stderr(`${m.tokenCreated(created.name, created.role)}\n`);
    ctx.io.stdout(`${created.token}\n`);
    return ExitCode.ok;
  });
}

/** Lists tokens as aligned columns. */
export async function runTokenList(options: StoreOptions, ctx: CommandContext): Promise<number> {
  const m = operatorMessagesFor(ctx.language);
  return withStore(options, ctx, TOKEN_STORE, async (server, db) => {
    const tokens = await new server.TokenStore(db).list();
    if (tokens.length === 0) {
      ctx.io.stdout(`${m.noTokens}\n`);
      return ExitCode.ok;
    }
    const rows = [m.tokenTableHeader, ...tokens.map((t) => [t.id, t.name, t.role, t.createdBy, t.createdAt, t.revokedAt ?? m.active] as const)];
    const widths = m.tokenTableHeader.map((_, i) => Math.max(...rows.map((row) => displayWidth(row[i]!))));
    for (const row of rows) ctx.io.stdout(`${row.map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i]!))).join("  ")}\n`);
    return ExitCode.ok;
  });
}

/** Revokes a token by id; the last active admin is refused by the store (LAST_ADMIN). */
export async function runTokenRevoke(id: string, options: StoreOptions, ctx: CommandContext): Promise<number> {
  const m = operatorMessagesFor(ctx.language);
  return withStore(options, ctx, TOKEN_STORE, async (server, db) => {
    const revoked = await new server.TokenStore(db).revoke(id);
    ctx.io.stdout(`${m.tokenRevoked(revoked.name, revoked.role)}\n`);
    return ExitCode.ok;
  });
}

/** Terminal columns of `text`: CJK and other wide characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(char) ? 2 : 1;
  return width;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}
