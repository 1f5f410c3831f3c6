/** The text a new rule file starts with: a small, valid vote with a test, ready to edit. */

/** A new rule file named `name`: rule names are identifiers, so dashes and dots become underscores. */
export function newRuleFileSource(name: string): string {
  const rule = /^[\p{L}_]/u.test(name) ? name.replace(/[^\p{L}\p{N}_]/gu, "_") : `rule_${name.replace(/[^\p{L}\p{N}_]/gu, "_")}`;
  return `# ${name}: describe the policy sentence this rule encodes.

vote ${rule} "${name}" {
  quorum: present > 1/2 of entitled   "more than half of the members are present"
  passes: yes > 1/2 of cast           "more than half of the votes cast are yes"
}

test "a clear majority passes" {
  ${rule}(entitled: 10, present: 8, yes: 5, no: 3, abstain: 0)
    expect outcome = passed
}
`;
}
