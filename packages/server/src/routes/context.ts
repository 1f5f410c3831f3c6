/** What route plugins are given: the services behind the HTTP layer. */

import type { TokenStore } from "../access/token-store";
import type { AssessmentService } from "../assessments/assessment-service";
import type { BallotService } from "../ballots/ballot-service";
import type { RuleRegistry } from "../rules/rule-registry";
import type { Database } from "../store/database";

export interface Services {
  db: Database;
  rules: RuleRegistry;
  ballots: BallotService;
  tokens: TokenStore;
  assessments: AssessmentService;
}

/** A `?version=` query value as a number (the schema already checked its digits). */
export function versionOf(query: { version?: string }): number | undefined {
  return query.version === undefined ? undefined : Number(query.version);
}
