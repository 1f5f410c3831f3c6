/** Who is signed in: the person a bearer token belongs to, as the service says (GET /v1/me). */

import type { components } from "./api/schema";
import { client, dataOf } from "./rules-api";

/** A token's owner: the name recorded as the author of every version saved with it, and what the token may do. */
export type Identity = components["schemas"]["Me"];

/** Every role a token can have, in the order the service lists them. */
export type Role = Identity["role"];

/**
 * Who `token` belongs to; without one, who the stored token belongs to. Throws the ApiError of a refusal (401 for a
 * token the service does not know or has revoked) or the fetch's TypeError when the service cannot be reached.
 */
export async function whoAmI(token?: string): Promise<Identity> {
  const headers = token === undefined ? {} : { authorization: `Bearer ${token}` };
  const { name, role } = dataOf(await client.GET("/v1/me", { headers }));
  return { name, role };
}
