/** What route plugins are given: the services behind the HTTP layer. */

import type { TokenStore } from "../access/token-store.ts";
import type { AssessmentService } from "../assessments/assessment-service.ts";
import type { BallotService } from "../ballots/ballot-service.ts";
import type { BodyService } from "../meetings/body-service.ts";
import type { ItemService } from "../meetings/item-service.ts";
import type { MeetingService } from "../meetings/meeting-service.ts";
import type { RuleRegistry } from "../rules/rule-registry.ts";
import type { Database } from "../store/database.ts";

export interface Services {
  db: Database;
  rules: RuleRegistry;
  ballots: BallotService;
  tokens: TokenStore;
  assessments: AssessmentService;
  bodies: BodyService;
  meetings: MeetingService;
  items: ItemService;
}

/** A `?version=` query value as a number (the schema already checked its digits). */
export function versionOf(query: { version?: string }): number | undefined {
  return query.version === undefined ? undefined : Number(query.version);
}
