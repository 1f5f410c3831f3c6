/**
 * The gavel service's API types, generated from its OpenAPI document (GET /docs/json) by openapi-typescript.
 * Do not edit: change the server's schemas and run `npm run generate:api`.
 */

export interface paths {
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics (text exposition format)
         * @description Needs a token with read permission unless the service runs with GAVEL_METRICS=public.
         */
        get: operations["metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and store check */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness for a load balancer: 200 when the store answers, 503 NOT_READY while shutting down or when the store does not */
        get: operations["ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List rule files with their latest version */
        get: operations["listRules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A rule file: the latest version, or ?version=N, with its source, rules and version history */
        get: operations["getRule"];
        /**
         * Store a new immutable version of a rule file (JSON { source } or text/plain)
         * @description Refused with 422 RULE_COMPILE_ERROR and the diagnostics when the file does not compile. A rule file has at most 1 MiB (UTF-8; 413 RULE_TOO_LARGE, or PAYLOAD_TOO_LARGE for a body over the service's body limit: send a large file as text/plain). The compile check runs in a worker thread. Needs an admin or author token. Conditional save: If-Match: "<version the edit started from>" (or If-None-Match: * for a new file) answers 409 VERSION_CONFLICT with the current version when another save came first.
         */
        put: operations["putRule"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules/{name}/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Evaluate a stored rule on one input; returns the result JSON with its explanation
         * @description The input is validated against the rule's generated JSON Schema (422 INVALID_INPUT).
         */
        post: operations["evaluateRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules/{name}/table": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A stored vote's threshold table: for each roster size, the least present for a quorum and the least yes votes that pass
         * @description ?entitled=0..60 (at most 10001 rows; 400 BAD_RANGE), ?format=csv for text/csv, ?rule=NAME for a file with several votes (422 WRONG_RULE_KIND for a rule that is not a vote). Exact: solved from the clauses' exact fractions, never with floats (dsl/README.md, threshold tables).
         */
        get: operations["getRuleThresholdTable"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ballots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List ballots, newest first */
        get: operations["listBallots"];
        put?: never;
        /**
         * Create a draft ballot; the rule's current (or given) version is pinned
         * @description 422 EMPTY_ROSTER, DUPLICATE_MEMBER, RULE_NOT_IN_FILE, WRONG_RULE_KIND; 404 RULE_NOT_FOUND. Needs a clerk or admin token.
         */
        post: operations["createBallot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ballots/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A ballot: roster with attendance, counts, and once closed its tally and result */
        get: operations["getBallot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ballots/{id}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a draft ballot for votes (409 BALLOT_ALREADY_OPEN, BALLOT_CLOSED) */
        post: operations["openBallot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ballots/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a roster member as present (draft or open ballot); idempotent
         * @description 422 NOT_ON_ROSTER; 409 BALLOT_CLOSED.
         */
        post: operations["recordAttendance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ballots/{id}/votes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record one member's vote: yes, no or abstain
         * @description 422 NOT_ON_ROSTER; 409 NOT_PRESENT, ALREADY_VOTED, BALLOT_NOT_OPEN, BALLOT_CLOSED. Answered only after the vote is committed.
         */
        post: operations["castVote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ballots/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close an open ballot: evaluate the pinned rule on the tally and store the result for good
         * @description 409 BALLOT_NOT_OPEN, BALLOT_CLOSED, TALLY_MISMATCH (the stored choices do not match the voters, or voters were not present: the store was changed outside the service); 422 EVALUATION_ERROR.
         */
        post: operations["closeBallot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ballots/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ballot's append-only, hash-chained event log */
        get: operations["getAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ballots/{id}/audit/head": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The head of the ballot's audit chain (last seq and hash), to keep outside the database
         * @description Keep the head (after close it is final) and pass it to …/audit/verify?head= later: a rewritten history no longer contains it.
         */
        get: operations["getAuditHead"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ballots/{id}/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the chain and every stored row against it: recount the tally, re-evaluate the result, check a kept head
         * @description Answers 200 with intact false and every problem found when something does not match.
         */
        get: operations["verifyAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bodies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List bodies at their latest roster version */
        get: operations["listBodies"];
        put?: never;
        /**
         * Create a body (a standing roster, e.g. a community's residents' representatives) with its first roster version
         * @description 422 EMPTY_ROSTER, DUPLICATE_MEMBER. Needs a clerk or admin token.
         */
        post: operations["createBody"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bodies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A body's roster at its latest (or given) version */
        get: operations["getBody"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bodies/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Store a new roster version of a body (meetings already held keep the version they snapshotted)
         * @description 422 EMPTY_ROSTER, DUPLICATE_MEMBER; 409 BODY_VERSION_CONFLICT; 404 BODY_NOT_FOUND.
         */
        post: operations["addBodyVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List meetings, newest first */
        get: operations["listMeetings"];
        put?: never;
        /**
         * Open a meeting of a body; the body's latest (or given) roster version is snapshotted
         * @description 404 BODY_NOT_FOUND, BODY_VERSION_NOT_FOUND. Needs a clerk or admin token.
         */
        post: operations["createMeeting"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meetings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A meeting: roster with sign-ins and proxies, counts, agenda items with live counts and results */
        get: operations["getMeeting"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meetings/{id}/sign-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign a member in, in person: one sign-in per member, used by every item of the meeting
         * @description 422 NOT_ON_ROSTER; 409 ALREADY_SIGNED_IN (also when represented by proxy), MEETING_CLOSED.
         */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meetings/{id}/proxies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a proxy (委托投票): an absent member is represented by a member signed in in person
         * @description The holder may hold at most the meeting's maxProxies, lowered by every `proxies: at most N` (N ≥ 1) of its items' rules. 422 NOT_ON_ROSTER, SELF_PROXY; 409 ALREADY_SIGNED_IN, HOLDER_NOT_SIGNED_IN, TOO_MANY_PROXIES (details.limitedBy: the item and rule that set the limit, or null for the meeting's own), MEETING_CLOSED.
         */
        post: operations["addProxy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meetings/{id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open an agenda item (motion, election or rating), pinned to its rule's current (or given) version
         * @description A motion is counted by a ballot (its id in `ballot`). Elections and ratings are secret by default. The pinned rule decides proxies (`proxies`: its `proxies: at most N`) and write-ins (`write_ins: allowed`). 422 WRONG_RULE_KIND, SEATS_REQUIRED, NO_CANDIDATES, NO_SUBJECTS, INVALID_LIST, WRITE_INS_NOT_ALLOWED (writeIns: true under a rule without write-ins); 404 RULE_NOT_FOUND; 409 MEETING_CLOSED, PROXIES_OVER_RULE_LIMIT (a holder already holds more proxies than the rule allows).
         */
        post: operations["openItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meetings/{id}/items/{item}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One agenda item with its count of votes and, once closed, its tally and result */
        get: operations["getItem"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meetings/{id}/items/{item}/votes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record one member's paper: a choice (motion), names (election) or a level per subject (rating)
         * @description A member represented by proxy votes through their holder, named in `by`. An election paper marking more names than seats is recorded and counted invalid (valid: false). 422 NOT_ON_ROSTER, CHOICE_REQUIRED, NAMES_REQUIRED, RATINGS_REQUIRED, NOT_A_CANDIDATE (a name off the list where the rule allows no write-ins), DUPLICATE_NAMES, INVALID_RATING, NOT_PROXY_HOLDER, PROXY_NOT_ALLOWED (a paper by proxy on an item whose rule allows no proxies); 409 NOT_SIGNED_IN, ALREADY_VOTED, ITEM_CLOSED, PROXY_HOLDER_REQUIRED, PROXIES_OVER_RULE_LIMIT, MEETING_CLOSED.
         */
        post: operations["castItemVote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meetings/{id}/items/{item}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close an item: evaluate its pinned rule on its counts and store the result; an election's runoff or tie opens the next round
         * @description 409 ITEM_CLOSED, MEETING_CLOSED, TALLY_MISMATCH (a motion's ballot); 422 EVALUATION_ERROR.
         */
        post: operations["closeItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meetings/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a meeting whose items are all closed; its public notice (公示) gets an unguessable link
         * @description 409 ITEMS_OPEN, MEETING_CLOSED.
         */
        post: operations["closeMeeting"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meetings/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The meeting's append-only, hash-chained event log */
        get: operations["getMeetingAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meetings/{id}/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the meeting's chain, its sign-ins and voters against it, each item's counters, and every motion's ballot
         * @description With ?head= (e.g. the chain head printed on the 公示), also that the log still contains that head (ANCHOR_NOT_FOUND).
         */
        get: operations["verifyMeetingAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notices/{notice}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public notice (公示) of a closed meeting: HTML printable on A4 (default), or ?format=json, csv or text
         * @description No token: the id (192 random bits) is the access. 404 NOTICE_NOT_FOUND.
         */
        get: operations["getNotice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assess many subjects with one scorecard; results ranked by score
         * @description Needs a token whose role may assess (admin, author, clerk). Body: JSON { rule, subjects: [{ id, input }] } (at most 10000 subjects, 2 MiB), or text/csv with a header row (id, optional name, one column per input) and ?rule=NAME, streamed (at most 1,000,000 rows, 256 MiB). The whole upload is checked first: 422 INVALID_SUBJECTS, CSV_INVALID or EVALUATION_ERROR names every bad subject or cell (the first 1,000), and nothing is ranked. Or JSON { rule, item, levels?, inputs? }: the subjects of a closed rating item of a meeting, each with its count of each level (named by levels: level → input) and its other inputs. Then the ranked results stream out (highest score first, ties share a rank): JSON { rule, count, results } by default, JSON lines (Accept: application/x-ndjson, one result per line) or CSV (Accept: text/csv; text cells that would start a formula get a leading '). At most 4 assessments run at once: 503 ASSESSMENTS_BUSY beyond.
         */
        post: operations["assess"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the bearer token belongs to: its name and role */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tokens (never their secrets) */
        get: operations["listTokens"];
        put?: never;
        /** Create a token; its secret is returned once */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a token (never the last active admin: 409 LAST_ADMIN) */
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description Every error has this shape
         * @example {
         *       "error": {
         *         "code": "RULE_NOT_FOUND",
         *         "message": "There is no rule file 'budget'.",
         *         "details": {
         *           "name": "budget"
         *         }
         *       }
         *     }
         */
        Error: {
            error: {
                /** @description Stable machine-readable code, e.g. NOT_ON_ROSTER */
                code: string;
                message: string;
                /** @description Structured context: diagnostics, schema problems, ids */
                details: unknown;
            };
        };
        /** @description One step of a result's explanation: the clause, its source text and its substituted values */
        ExplanationStep: {
            clause: string;
            text: string;
            detail: string;
            result: unknown;
            span: {
                line: number;
                column: number;
            };
        } & {
            [key: string]: unknown;
        };
        /** @description The result JSON shared by CLI, API and editor (docs/design.md section 4) */
        RuleResult: {
            rule: string;
            label: string;
            /** @enum {string} */
            kind: "vote" | "scorecard" | "election" | "rating";
            /**
             * @description A vote's or an election round's outcome
             * @enum {string}
             */
            outcome?: "passed" | "rejected" | "no_quorum" | "void_ballots" | "void_turnout" | "complete" | "runoff" | "incomplete" | "tie";
            /** @description A vote's counts (entitled … cast) or an election round's (registered … round) */
            facts?: {
                [key: string]: number;
            };
            /** @description An election: the names elected in this round, most votes first */
            elected?: string[];
            /** @description An election: the tie group at the last seat (empty unless outcome is tie) */
            tied?: string[];
            candidates?: {
                name: string;
                votes: number;
                qualified: boolean;
                /** @description The least votes that meet the round's clause; null when none can */
                needed?: number | null;
                /** @description votes − needed, negative when short */
                margin?: number | null;
            }[];
            /** @description A rating: the number of rating ballots */
            ballots?: number;
            levels?: {
                name: string;
                count: number;
                /** @description An exact number: a JSON integer or { num, den, decimal } */
                share: unknown;
            }[];
            /** @description A rating: the count of each level, the input of a scorecard named after the levels */
            counts?: {
                [key: string]: number;
            };
            /** @description An exact number: a JSON integer or { num, den, decimal } */
            score?: unknown;
            /** @description An exact number: a JSON integer or { num, den, decimal } */
            max?: unknown;
            grade?: string | null;
            criteria?: ({
                name: string;
                label: string;
                /** @description An exact number: a JSON integer or { num, den, decimal } */
                points: unknown;
                /** @description An exact number: a JSON integer or { num, den, decimal } */
                max: unknown;
                reason: string;
            } & {
                [key: string]: unknown;
            })[];
            /** @description Always present: every clause, let and criterion value */
            values?: {
                [key: string]: unknown;
            };
            /** @description A vote's or an election's clauses: { count, actual, needed, margin, bound, range } by clause name (dsl/README.md, margins) */
            margins?: {
                [key: string]: unknown;
            };
            /** @description Always present: each step with its source text and substituted values */
            explanation?: components["schemas"]["ExplanationStep"][];
        } & {
            [key: string]: unknown;
        };
        /** @description A compiler diagnostic: severity error or warning, a stable code, the message and the source span */
        Diagnostic: {
            severity: string;
            code: string;
            message: string;
            span: unknown;
            file?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description One stored, immutable version of a rule file */
        RuleVersion: {
            name: string;
            version: number;
            sha256: string;
            author: string;
            /** Format: date-time */
            createdAt: string;
        };
        /** @description A rule of a file: its kind, inputs and their JSON Schema */
        RuleSummary: {
            name: string;
            label: string;
            kind: string;
            inputs: ({
                name: string;
                type: string;
                label: string;
            } & {
                [key: string]: unknown;
            })[];
            inputSchema: unknown;
        };
        /** @description Every rule file with its latest version and how many versions it has */
        RuleList: {
            rules: {
                name: string;
                version: number;
                sha256: string;
                author: string;
                /** Format: date-time */
                createdAt: string;
                versions: number;
            }[];
        };
        /** @description A version just stored: what it defines and imports */
        StoredRule: {
            name: string;
            version: number;
            sha256: string;
            author: string;
            /** Format: date-time */
            createdAt: string;
            /** @description Rules defined or imported by the file */
            rules: components["schemas"]["RuleSummary"][];
            warnings: components["schemas"]["Diagnostic"][];
            /** @description Every file the version imports, pinned as it was when stored */
            imports: {
                path: string;
                sha256: string;
            }[];
            /** @description sha256 of the source with every pinned import: equal digests mean equal rules */
            resolvedSha256: string;
        };
        /** @description A rule file at one version, with its source and the file's version history */
        Rule: {
            name: string;
            version: number;
            sha256: string;
            author: string;
            /** Format: date-time */
            createdAt: string;
            /** @description Rules defined or imported by the file */
            rules: components["schemas"]["RuleSummary"][];
            warnings: components["schemas"]["Diagnostic"][];
            /** @description Every file the version imports, pinned as it was when stored */
            imports: {
                path: string;
                sha256: string;
            }[];
            /** @description sha256 of the source with every pinned import: equal digests mean equal rules */
            resolvedSha256: string;
            source: string;
            versions: components["schemas"]["RuleVersion"][];
        };
        /**
         * @description A rule file as JSON (or send it as text/plain)
         * @example {
         *       "source": "vote simple \"Simple majority\" {\n  quorum: present > 1/2 of entitled\n  passes: yes > 1/2 of present\n}\n"
         *     }
         */
        RuleSource: {
            /** @description The rule file's text */
            source: string;
        };
        /**
         * @example {
         *       "rule": "simple",
         *       "input": {
         *         "entitled": 30,
         *         "present": 21,
         *         "yes": 16,
         *         "no": 5,
         *         "abstain": 0
         *       }
         *     }
         */
        EvaluateRequest: {
            /** @description Which rule of the file (default: the one named like the file, or its only rule) */
            rule?: string;
            /** @description Validated against the rule's input JSON Schema */
            input: {
                [key: string]: unknown;
            };
        };
        /**
         * @description A member's vote
         * @enum {string}
         */
        Choice: "yes" | "no" | "abstain";
        /**
         * @description draft → open → closed
         * @enum {string}
         */
        BallotState: "draft" | "open" | "closed";
        /**
         * @example {
         *       "title": "Budget 2026",
         *       "rule": "major-matter",
         *       "roster": [
         *         {
         *           "id": "m1",
         *           "name": "王芳"
         *         },
         *         {
         *           "id": "m2",
         *           "name": "李强"
         *         },
         *         {
         *           "id": "m3",
         *           "name": "Ana"
         *         }
         *       ]
         *     }
         */
        CreateBallotRequest: {
            title: string;
            /** @description Rule file in the registry */
            rule: string;
            /** @description Pin this version (default: the latest at creation) */
            ruleVersion?: number;
            /** @description Which vote rule of the file (default: the one named like the file, or its only vote) */
            ruleName?: string;
            roster: {
                id: string;
                name: string;
            }[];
            /** @description Keep who voted apart from what they voted */
            secret?: boolean;
        };
        /**
         * @example {
         *       "member": "m1"
         *     }
         */
        MemberRequest: {
            member: string;
        };
        /**
         * @example {
         *       "member": "m1",
         *       "choice": "yes"
         *     }
         */
        VoteRequest: {
            member: string;
            choice: components["schemas"]["Choice"];
        };
        /** @description A closed vote's counts */
        Tally: {
            entitled: number;
            present: number;
            yes: number;
            no: number;
            abstain: number;
        };
        /** @description A ballot: its pinned rule, roster with attendance, counts, and once closed its tally and result (votes only when not secret) */
        Ballot: {
            id: string;
            title: string;
            rule: {
                name: string;
                version: number;
                entry: string;
                sha256: string;
            };
            secret: boolean;
            state: components["schemas"]["BallotState"];
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            openedAt: string | null;
            /** Format: date-time */
            closedAt: string | null;
            roster: {
                id: string;
                name: string;
                present: boolean;
                voted: boolean;
            }[];
            counts: {
                entitled: number;
                present: number;
                voted: number;
            };
            tally: components["schemas"]["Tally"] | (never | null);
            result: components["schemas"]["RuleResult"] | (never | null);
            votes: {
                member: string;
                choice: components["schemas"]["Choice"];
            }[] | null;
        };
        BallotList: {
            ballots: {
                id: string;
                title: string;
                state: components["schemas"]["BallotState"];
                rule: string;
                ruleVersion: number;
                /** Format: date-time */
                createdAt: string;
            }[];
        };
        AttendanceReceipt: {
            ballot: string;
            member: string;
            /** @enum {boolean} */
            present: true;
            alreadyPresent: boolean;
        };
        VoteReceipt: {
            ballot: string;
            member: string;
            /** @enum {boolean} */
            recorded: true;
        };
        /** @description One event of a ballot's hash chain */
        AuditEvent: {
            ballot: string;
            seq: number;
            type: string;
            actor: string;
            at: string;
            data: unknown;
            prevHash: string;
            hash: string;
        };
        AuditLog: {
            ballot: string;
            events: components["schemas"]["AuditEvent"][];
        };
        AuditHead: {
            ballot: string;
            /** @description The number of events in the chain (0 before any) */
            seq: number;
            /** @description The last event's hash: keep it outside the database and pass it to verify as ?head= */
            hash: string;
            state: components["schemas"]["BallotState"];
        };
        AuditVerification: {
            ballot: string;
            /** @description True when problems is empty */
            intact: boolean;
            events: number;
            head: string;
            /** @description The first chain problem */
            brokenAt?: {
                seq: number;
                problem: string;
            };
            /** @description Every mismatch found, in the order checked */
            problems: {
                /** @description AUDIT_SEQ_GAP, AUDIT_LINK_BROKEN, AUDIT_EVENT_ALTERED, AUDIT_HEAD_MISMATCH, AUDIT_ORDER_INVALID, ANCHOR_NOT_FOUND, BALLOT_MISMATCH, STATE_MISMATCH, ROSTER_MISMATCH, ATTENDANCE_MISMATCH, VOTERS_MISMATCH, CHOICES_MISMATCH, RULE_SOURCE_MISMATCH, TALLY_MISMATCH, RESULT_MISMATCH, RULE_EVALUATION_FAILED */
                code: string;
                message: string;
                seq?: number;
                details?: unknown;
            }[];
            /** @description The kept head and the event that has it (null: none) */
            anchor?: {
                /** @description A sha256 in lower-case hex */
                hash: string;
                seq: number | null;
            };
        };
        /**
         * @example {
         *       "rule": "democratic-evaluation",
         *       "subjects": [
         *         {
         *           "id": "张三",
         *           "input": {
         *             "满意": 40,
         *             "基本满意": 8,
         *             "不满意": 2
         *           }
         *         }
         *       ]
         *     }
         */
        AssessmentRequest: {
            rule: string;
            ruleVersion?: number;
            ruleName?: string;
            /** @description The subjects and their inputs (or name a closed rating item instead) */
            subjects?: {
                id: string;
                input: {
                    [key: string]: unknown;
                };
            }[];
            /** @description A closed rating item of a meeting: its subjects are assessed on the meeting's own counts */
            item?: string;
            /** @description With item: the scorecard input each rating level fills (default: the level's own name) */
            levels?: {
                [key: string]: string;
            };
            /** @description With item: each subject's other inputs, by subject name */
            inputs?: {
                [key: string]: {
                    [key: string]: unknown;
                };
            };
        };
        /** @description Subjects ranked by score, highest first; ties share a rank */
        Assessment: {
            rule: {
                name: string;
                version: number;
                entry: string;
            };
            count: number;
            results: {
                rank: number;
                id: string;
                /** @description An exact number: a JSON integer or { num, den, decimal } */
                score: unknown;
                grade: string | null;
                criteria: unknown[];
                result: components["schemas"]["RuleResult"];
            }[];
        };
        /**
         * @description What a token may do
         * @enum {string}
         */
        Role: "admin" | "author" | "clerk" | "observer";
        /** @description A token as listed: never its secret */
        Token: {
            id: string;
            name: string;
            role: components["schemas"]["Role"];
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            revokedAt: string | null;
        };
        TokenList: {
            tokens: components["schemas"]["Token"][];
        };
        /** @description A new token with its secret, shown this once */
        CreatedToken: {
            id: string;
            name: string;
            role: components["schemas"]["Role"];
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            revokedAt: string | null;
            /** @description The secret: shown once, stored only as a hash */
            token: string;
        };
        /**
         * @example {
         *       "name": "clerk-desk-1",
         *       "role": "clerk"
         *     }
         */
        CreateTokenRequest: {
            name: string;
            role: components["schemas"]["Role"];
        };
        /**
         * @description Who the bearer token belongs to
         * @example {
         *       "name": "王芳",
         *       "role": "author"
         *     }
         */
        Me: {
            /** @description The token's name: the author recorded on every version it stores */
            name: string;
            role: components["schemas"]["Role"];
        };
        Health: {
            /** @enum {string} */
            status: "ok";
            /** @enum {string} */
            store: "embedded" | "postgres";
        };
        Readiness: {
            /** @enum {string} */
            status: "ready";
            /** @enum {string} */
            store: "embedded" | "postgres";
        };
        CreateBodyRequest: {
            name: string;
            members: {
                id: string;
                name: string;
            }[];
            /** @description May the public notice list who signed in (default false: counts only) */
            publicNames?: boolean;
        };
        BodyVersionRequest: {
            members: {
                id: string;
                name: string;
            }[];
            publicNames?: boolean;
        };
        Body: {
            id: string;
            name: string;
            version: number;
            members: {
                id: string;
                name: string;
            }[];
            publicNames: boolean;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            versions: number;
        };
        BodyList: {
            bodies: {
                id: string;
                name: string;
                version: number;
                members: number;
                /** Format: date-time */
                createdAt: string;
            }[];
        };
        CreateMeetingRequest: {
            title: string;
            body: string;
            /** @description The roster version to snapshot (default: latest) */
            bodyVersion?: number;
            /** @description The meeting's own cap on the proxies one member present in person may hold (委托投票; default 1). The limit in force is the smallest of this and every `proxies: at most N` (N ≥ 1) of its items' rules */
            maxProxies?: number;
        };
        CreateItemRequest: {
            /** @enum {string} */
            kind: "motion" | "election" | "rating";
            title: string;
            /** @description Rule file in the registry (a vote, election or rating rule, by kind) */
            rule: string;
            ruleVersion?: number;
            ruleName?: string;
            /** @description Default: false for a motion, true for an election or rating */
            secret?: boolean;
            /** @description An election: seats to fill */
            seats?: number;
            candidates?: string[];
            /** @description An election: names off the list count. Default: as the rule declares (`write_ins: allowed`); true under a rule without it is refused (422 WRITE_INS_NOT_ALLOWED); false narrows it */
            writeIns?: boolean;
            /** @description An election: the rule's round (default 1) */
            round?: number;
            /** @description A rating: the people rated on one paper */
            subjects?: string[];
        };
        SignInRequest: {
            member: string;
        };
        ProxyRequest: {
            member: string;
            holder: string;
        };
        ItemVoteRequest: {
            member: string;
            /** @description The proxy holder casting a represented member's paper */
            by?: string;
            choice?: components["schemas"]["Choice"];
            /** @description An election: the names marked (more than the seats: an invalid paper) */
            names?: string[];
            /** @description A rating: subject → level */
            ratings?: {
                [key: string]: string;
            };
        };
        SignInReceipt: {
            meeting: string;
            member: string;
            counts: {
                entitled: number;
                signedIn: number;
                proxies: number;
                present: number;
            };
        };
        ProxyReceipt: {
            meeting: string;
            member: string;
            holder: string;
            held: number;
        };
        ItemVoteReceipt: {
            item: string;
            member: string;
            by: string | null;
            /** @enum {boolean} */
            recorded: true;
            valid: boolean;
        };
        MeetingItem: {
            id: string;
            meeting: string;
            position: number;
            /** @enum {string} */
            kind: "motion" | "election" | "rating";
            title: string;
            rule: {
                name: string;
                version: number;
                entry: string;
            };
            secret: boolean;
            /** @enum {string} */
            state: "open" | "closed";
            /** @description A motion's ballot (GET /v1/ballots/{id}) */
            ballot: string | null;
            seats: number | null;
            round: number | null;
            /** @description An election: names off the list count (the rule's `write_ins: allowed`, or narrower) */
            writeIns: boolean;
            /** @description The pinned rule's `proxies: at most N`: the proxies one member present may cast papers for on this item (0: none count); null for an item opened before rules declared it */
            proxies: number | null;
            candidates: string[] | null;
            subjects: string[] | null;
            levels: string[] | null;
            previousItem: string | null;
            nextItem: string | null;
            voted: number;
            /** Format: date-time */
            openedAt: string;
            /** Format: date-time */
            closedAt: string | null;
            tally: {
                [key: string]: unknown;
            } | null;
            result: (components["schemas"]["RuleResult"] | {
                /** @enum {string} */
                kind: "ratings";
                subjects: {
                    subject: string;
                    result: components["schemas"]["RuleResult"];
                }[];
            }) | (never | null);
        };
        ClosedItem: {
            item: components["schemas"]["MeetingItem"];
            /** @description The next round an election's runoff or tie opened */
            next: components["schemas"]["MeetingItem"] | (never | null);
        };
        Meeting: {
            id: string;
            title: string;
            body: {
                id: string;
                name: string;
                version: number;
            };
            /** @enum {string} */
            state: "open" | "closed";
            /** @description The proxy limit in force: the smallest of the meeting's own cap and every `proxies: at most N` (N ≥ 1) of its items' rules */
            maxProxies: number;
            publicNames: boolean;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            closedAt: string | null;
            /** @description Once closed: the public notice is GET /v1/notices/{noticeId} */
            noticeId: string | null;
            members: {
                id: string;
                name: string;
                signedIn: boolean;
                proxyHolder: string | null;
            }[];
            counts: {
                entitled: number;
                signedIn: number;
                proxies: number;
                present: number;
            };
            items: components["schemas"]["MeetingItem"][];
            audit: {
                seq: number;
                hash: string;
            };
        };
        MeetingList: {
            meetings: {
                id: string;
                title: string;
                state: string;
                body: string;
                /** Format: date-time */
                createdAt: string;
            }[];
        };
        MeetingAuditLog: {
            meeting: string;
            events: components["schemas"]["AuditEvent"][];
        };
        MeetingVerification: {
            meeting: string;
            intact: boolean;
            events: number;
            head: string;
            problems: {
                code: string;
                message: string;
                seq?: number;
                details?: unknown;
            }[];
            ballots: {
                item: string;
                ballot: string;
                intact: boolean;
            }[];
            /** @description The kept head and the event that has it (null: none) */
            anchor?: {
                hash: string;
                seq: number | null;
            };
        };
        /** @description The 公示 of a closed meeting */
        Notice: {
            meeting: {
                title: string;
                body: string;
                /** Format: date-time */
                closedAt: string;
            };
            attendance: {
                entitled: number;
                signedIn: number;
                proxies: number;
                present: number;
                /** @description Only when the body allows names on the notice */
                names: {
                    signedIn: string[];
                    proxies: {
                        member: string;
                        holder: string;
                    }[];
                } | null;
            };
            items: ({
                position: number;
                kind: string;
                title: string;
                summary: string[];
                result: unknown;
            } & {
                [key: string]: unknown;
            })[];
            audit: {
                seq: number;
                hash: string;
            };
        } & {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metrics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not available now */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every rule file with its latest version and how many versions it has */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleList"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRule: {
        parameters: {
            query?: {
                /** @description A stored version number (default: latest) */
                version?: string;
            };
            header?: never;
            path: {
                /** @description Rule file name: letters (any script), digits, _ and - */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A rule file at one version, with its source and the file's version history */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rule"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putRule: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the edit started from, as an ETag: "3" */
                "if-match"?: string;
                /** @description * : the file must not exist yet */
                "if-none-match"?: string;
            };
            path: {
                /** @description Rule file name: letters (any script), digits, _ and - */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleSource"];
                "text/plain": string;
            };
        };
        responses: {
            /** @description A version just stored: what it defines and imports */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredRule"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood, but refused: see the error code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    evaluateRule: {
        parameters: {
            query?: {
                /** @description A stored version number (default: latest) */
                version?: string;
            };
            header?: never;
            path: {
                /** @description Rule file name: letters (any script), digits, _ and - */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EvaluateRequest"];
            };
        };
        responses: {
            /** @description The result JSON shared by CLI, API and editor (docs/design.md section 4) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleResult"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood, but refused: see the error code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRuleThresholdTable: {
        parameters: {
            query?: {
                /** @description Roster sizes FROM..TO (default 0..60) or one size */
                entitled?: string;
                /** @description json (default) or csv */
                format?: "json" | "csv";
                /** @description The vote of the file (default: the file's only vote) */
                rule?: string;
                /** @description A stored version number (default: latest) */
                version?: string;
            };
            header?: never;
            path: {
                /** @description Rule file name: letters (any script), digits, _ and - */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A vote's threshold table; the CSV form has the header entitled,quorum_present,passes_yes and empty cells for null */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        version: number;
                        rule: string;
                        label: string;
                        rows: {
                            entitled: number;
                            /** @description The least number present that meets the quorum (those present all voting, none yes); null when none up to the roster does */
                            quorum_present: number | null;
                            /** @description The least yes votes that pass with the whole roster present and the others voting no; null when none up to the roster does */
                            passes_yes: number | null;
                        }[];
                    };
                    "text/csv": {
                        name: string;
                        version: number;
                        rule: string;
                        label: string;
                        rows: {
                            entitled: number;
                            /** @description The least number present that meets the quorum (those present all voting, none yes); null when none up to the roster does */
                            quorum_present: number | null;
                            /** @description The least yes votes that pass with the whole roster present and the others voting no; null when none up to the roster does */
                            passes_yes: number | null;
                        }[];
                    };
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood, but refused: see the error code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listBallots: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BallotList"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createBallot: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBallotRequest"];
            };
        };
        responses: {
            /** @description A ballot: its pinned rule, roster with attendance, counts, and once closed its tally and result (votes only when not secret) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ballot"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood, but refused: see the error code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getBallot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A ballot: its pinned rule, roster with attendance, counts, and once closed its tally and result (votes only when not secret) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ballot"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    openBallot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A ballot: its pinned rule, roster with attendance, counts, and once closed its tally and result (votes only when not secret) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ballot"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recordAttendance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttendanceReceipt"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood, but refused: see the error code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    castVote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VoteRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoteReceipt"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood, but refused: see the error code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    closeBallot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result JSON shared by CLI, API and editor (docs/design.md section 4) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleResult"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood, but refused: see the error code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAuditLog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLog"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAuditHead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditHead"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifyAudit: {
        parameters: {
            query?: {
                /** @description A head kept earlier (GET …/audit/head): verify that the log still contains it */
                head?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerification"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listBodies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BodyList"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createBody: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBodyRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Body"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood, but refused: see the error code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getBody: {
        parameters: {
            query?: {
                /** @description A roster version (default: latest) */
                version?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Body"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addBodyVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BodyVersionRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Body"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood, but refused: see the error code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMeetings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeetingList"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createMeeting: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMeetingRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Meeting"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood, but refused: see the error code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMeeting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Meeting"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInReceipt"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood, but refused: see the error code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addProxy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProxyRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProxyReceipt"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood, but refused: see the error code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    openItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateItemRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeetingItem"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood, but refused: see the error code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                item: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeetingItem"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    castItemVote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                item: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ItemVoteRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemVoteReceipt"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood, but refused: see the error code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    closeItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                item: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClosedItem"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood, but refused: see the error code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    closeMeeting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Meeting"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMeetingAudit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeetingAuditLog"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifyMeetingAudit: {
        parameters: {
            query?: {
                /** @description A head kept earlier (GET …/audit/head): verify that the log still contains it */
                head?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeetingVerification"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getNotice: {
        parameters: {
            query?: {
                /** @description Default html (printable on A4) */
                format?: "html" | "json" | "csv" | "text";
            };
            header?: never;
            path: {
                notice: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notice in the asked format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "application/json": components["schemas"]["Notice"];
                    "text/csv": string;
                    "text/plain": string;
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    assess: {
        parameters: {
            query?: {
                /** @description The rule file (required with a CSV body) */
                rule?: string;
                version?: string;
                ruleName?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssessmentRequest"];
                "text/csv": string;
            };
        };
        responses: {
            /** @description Ranked results, in the media type Accept asks for */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assessment"];
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood, but refused: see the error code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not available now */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Who the bearer token belongs to */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenList"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTokenRequest"];
            };
        };
        responses: {
            /** @description A new token with its secret, shown this once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedToken"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A token as listed: never its secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"];
                };
            };
            /** @description Bad request: the body, path or query does not fit the schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (logged; never a stack trace) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
