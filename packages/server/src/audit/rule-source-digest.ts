/** The digest of a pinned rule's source that a ballot's close event records. */

import { createHash } from "node:crypto";
import type { RuleVersionRecord } from "../rules/rule-registry";

/**
 * sha256 (hex) of the rule version's full source as the service evaluates it. Today that is the stored file text;
 * once rule versions store their resolved imports, hash the full resolved source here (the one place that says
 * what "the rule's source" is for the audit).
 */
export function ruleSourceDigest(record: Pick<RuleVersionRecord, "source">): string {
  return createHash("sha256").update(record.source, "utf8").digest("hex");
}
