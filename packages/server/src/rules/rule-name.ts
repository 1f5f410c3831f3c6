/** Names of rule files in the registry: letters of any script, digits, `_` and `-`, starting with a letter. */

/** The pattern as JSON Schema writes it (Unicode property escapes; ajv compiles patterns with the `u` flag). */
export const RULE_NAME_PATTERN = "^\\p{L}[\\p{L}\\p{M}\\p{N}_-]{0,99}$";

const RULE_NAME = new RegExp(RULE_NAME_PATTERN, "u");

/** True for a name the registry accepts; `__proto__`, `../x`, "" and names over 100 characters are refused. */
export function isValidRuleName(name: string): boolean {
  return RULE_NAME.test(name);
}
