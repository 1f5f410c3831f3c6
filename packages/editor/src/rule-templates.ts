/** The text a new rule file starts with: a small, valid vote with a test, ready to edit, in the UI's language. */

import type { Locale } from "./i18n";

/** The template's own words: the comment, the clauses' explanations and the test's name. */
const WORDS: Record<Locale, { describe: string; quorum: string; passes: string; test: string }> = {
  en: {
    describe: "describe the policy sentence this rule encodes.",
    quorum: "more than half of the members are present",
    passes: "more than half of the votes cast are yes",
    test: "a clear majority passes",
  },
  "zh-CN": {
    describe: "写明这条规则依据的制度条文。",
    quorum: "到会人数超过应到人数的一半",
    passes: "赞成票超过所投票数的一半",
    test: "明显多数赞成即通过",
  },
};

/** A new rule file named `name`: rule names are identifiers, so dashes and dots become underscores. */
export function newRuleFileSource(name: string, locale: Locale = "en"): string {
  const rule = /^[\p{L}_]/u.test(name) ? name.replace(/[^\p{L}\p{N}_]/gu, "_") : `rule_${name.replace(/[^\p{L}\p{N}_]/gu, "_")}`;
  const words = WORDS[locale];
  return `# ${name}: ${words.describe}

vote ${rule} "${name}" {
  quorum: present > 1/2 of entitled   "${words.quorum}"
  passes: yes > 1/2 of cast           "${words.passes}"
}

test "${words.test}" {
  ${rule}(entitled: 10, present: 8, yes: 5, no: 3, abstain: 0)
    expect outcome = passed
}
`;
}
