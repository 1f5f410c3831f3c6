/** Roles of bearer tokens and what each may do. */

export const ROLES = ["admin", "author", "clerk", "observer"] as const;
export type Role = (typeof ROLES)[number];

/** What a request wants to do; each route declares one. */
export type Permission = "read" | "write:rules" | "write:ballots" | "manage:tokens";

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ["read", "write:rules", "write:ballots", "manage:tokens"],
  author: ["read", "write:rules"],
  clerk: ["read", "write:ballots"],
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
