/** Roles of bearer tokens and what each may do. */

export const ROLES = ["admin", "author", "clerk", "observer"] as const;
export type Role = (typeof ROLES)[number];

/** What a request wants to do; each route declares one. */
export type Permission = "read" | "write:rules" | "write:ballots" | "manage:tokens" | "assess";

/**
 * `assess` (batch assessments, which compute at scale) goes to every role that does work with rules or ballots:
 * authors try their scorecards on real data, clerks run the year-end assessment. Observers only read.
 */
const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ["read", "write:rules", "write:ballots", "manage:tokens", "assess"],
  author: ["read", "write:rules", "assess"],
  clerk: ["read", "write:ballots", "assess"],
  observer: ["read"],
};

/** True when `role` grants `permission`. */
export function allows(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** The caller of a request: a token's name and role. */
export interface Actor {
  tokenId: string;
  name: string;
  role: Role;
}
