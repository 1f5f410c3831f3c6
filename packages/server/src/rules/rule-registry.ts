/** The rule registry: immutable, numbered versions of rule files in SQL, each compiled once and cached. */

import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compile, type CalendarData, type CompiledModule, type CompiledRule, type Diagnostic, type ImportResolver } from "@gavel-rules/lang";
import { canonicalJson } from "../audit/canonical-json.ts";
import { badRequest, conflict, notFound, Refusal, tooLarge, unprocessable } from "../refusal.ts";
import type { Database, Queryable } from "../store/database.ts";
import { isUniqueViolation } from "../store/sql-errors.ts";
import { summarizeModule, type ModuleSummary } from "./module-summary.ts";
import { isValidRuleName } from "./rule-name.ts";
import { DEFAULT_STD_DIR, stdImportResolver } from "./std-imports.ts";

/** One stored version of a rule file (without its source). */
export interface RuleVersionInfo {
  name: string;
  version: number;
  sha256: string;
  author: string;
  createdAt: string;
}

export interface RuleVersionRecord extends RuleVersionInfo {
  source: string;
  /** Every file the source imports (transitively), by import path, exactly as it was when the version was stored. */
  imports: PinnedImports;
}

/** Import path (e.g. "std/major-matter.gavel") → the source it resolved to. */
export type PinnedImports = Record<string, string>;

/** A rule selected from a stored file, with the module it was compiled in. */
export interface ResolvedRule {
  record: RuleVersionRecord;
  module: CompiledModule;
  rule: CompiledRule;
}

export type RuleKind = CompiledRule["kind"];

const MAX_CACHED = 1000;
/** The largest rule file the registry stores (UTF-8 bytes): compile time and stored size stay bounded. */
export const MAX_RULE_SOURCE_BYTES = 1024 * 1024;
const STD_AUTHOR = "gavel-std";

interface RuleVersionRow {
  name: string;
  version: number;
  sha256: string;
  author: string;
  created_at: Date;
  source?: string;
  imports?: PinnedImports | null;
}

function infoOf(row: RuleVersionRow): RuleVersionInfo {
  return { name: row.name, version: row.version, sha256: row.sha256, author: row.author, createdAt: row.created_at.toISOString() };
}

/** sha256 of a rule file's UTF-8 text, hex. */
export function contentHash(source: string): string {
  return createHash("sha256").update(source, "utf8").digest("hex");
}

/**
 * sha256 of everything a stored version means: its source and every import it pinned. Two versions with the same
 * digest compile to the same rules whatever is on disk; the ballot audit records it.
 */
export function resolvedSourceDigest(record: Pick<RuleVersionRecord, "source" | "imports">): string {
  return createHash("sha256").update(canonicalJson({ source: record.source, imports: record.imports }), "utf8").digest("hex");
}

/** The imports of a version with each one's sha256, for the API (the sources themselves stay server-side). */
export function importDigests(imports: PinnedImports): { path: string; sha256: string }[] {
  return Object.keys(imports)
    .sort()
    .map((path) => ({ path, sha256: contentHash(imports[path]!) }));
}

/** An import resolver that only knows the files a version pinned. */
export function pinnedResolver(imports: PinnedImports): ImportResolver {
  return (path) => (Object.hasOwn(imports, path) ? { file: path, source: imports[path]! } : undefined);
}

let calendarLayers: CalendarData[] | undefined;

/**
 * The working-day calendars laid over the built-in one (mainland China): the JSON files named in GAVEL_CALENDAR
 * (paths separated by commas), read once per thread; worker threads inherit the variable, so they count alike.
 */
export function serverCalendar(env: Record<string, string | undefined> = process.env): CalendarData[] {
  if (calendarLayers) return calendarLayers;
  const paths = (env.GAVEL_CALENDAR ?? "").split(",").map((p) => p.trim()).filter(Boolean);
  calendarLayers = paths.map((path) => {
    try {
      return JSON.parse(readFileSync(path, "utf8")) as CalendarData;
    } catch (error) {
      throw new Error(`GAVEL_CALENDAR: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return calendarLayers;
}

/**
 * Compiles a rule file the one way the registry and its worker threads both do, and records every file it imported:
 * a new source resolves against the std library on disk, a stored version only against the imports it pinned.
 */
export function compileRuleFile(name: string, source: string, resolveImport: ImportResolver): { module: CompiledModule; imports: PinnedImports } {
  const imports: PinnedImports = {};
  const calendar = serverCalendar();
  const module = compile(source, {
    ...(calendar.length ? { calendar } : {}),
    file: `${name}.gavel`,
    resolveImport: (path, fromFile) => {
      const found = resolveImport(path, fromFile);
      if (found) imports[path] = found.source;
      return found;
    },
  });
  return { module, imports };
}

/** What an off-thread compile answers: the module's summary and the imports it resolved. */
export interface CompiledSummary {
  summary: ModuleSummary;
  imports: PinnedImports;
}

/**
 * Compiles a rule file somewhere else (a worker thread), so the event loop stays free: against the std library on
 * disk, or, with `pinned`, against a stored version's own imports only.
 */
export type OffThreadCompile = (name: string, source: string, pinned?: PinnedImports) => Promise<CompiledSummary>;

/** Throws 400 INVALID_RULE_NAME unless `name` is a valid registry name. */
export function assertRuleName(name: string): void {
  if (!isValidRuleName(name)) {
    throw badRequest("INVALID_RULE_NAME", `"${name}" is not a valid rule name: use letters, digits, "_" and "-", starting with a letter (at most 100).`, { name });
  }
}

export class RuleRegistry {
  private readonly modules = new Map<string, CompiledModule>();
  private readonly records = new Map<string, RuleVersionRecord>();
  private readonly summaries = new Map<string, ModuleSummary>();
  private readonly latest = new Map<string, { version: number; at: number }>();
  private readonly resolveImport: ImportResolver;

  constructor(
    private readonly db: Database,
    private readonly stdDir = DEFAULT_STD_DIR,
    private readonly compileOffThread?: OffThreadCompile,
  ) {
    this.resolveImport = stdImportResolver(stdDir);
  }

  /** Compiles a new source against the standard library as it is now, and records every file it imported. */
  compileSource(name: string, source: string): { module: CompiledModule; imports: PinnedImports } {
    return compileRuleFile(name, source, this.resolveImport);
  }

  /** The compiled module of a stored version, from its own source and pinned imports only; compiled at most once per process. */
  moduleOf(record: RuleVersionRecord): CompiledModule {
    const key = `${record.name}\u0000${record.version}`;
    let module = this.modules.get(key);
    if (!module) {
      module = compileRuleFile(record.name, record.source, pinnedResolver(record.imports)).module;
      this.remember(this.modules, key, module);
    }
    return module;
  }

  /** What a stored version holds (rules, inputs, diagnostics): from this thread's compile when it has one, else compiled off-thread. */
  async summaryOf(record: RuleVersionRecord): Promise<ModuleSummary> {
    const key = `${record.name}\u0000${record.version}`;
    const module = this.modules.get(key);
    if (module || !this.compileOffThread) return summarizeModule(module ?? this.moduleOf(record));
    let summary = this.summaries.get(key);
    if (!summary) {
      summary = (await this.compileOffThread(record.name, record.source, record.imports)).summary;
      this.remember(this.summaries, key, summary);
    }
    return summary;
  }

  /**
   * Stores `source` as the next version of `name`; 413 RULE_TOO_LARGE over MAX_RULE_SOURCE_BYTES, 422 RULE_COMPILE_ERROR
   * with diagnostics when it does not compile. The compile check runs off the event loop when a worker pool is given.
   * With `expectedVersion` (0: the file must not exist yet) the save is conditional: 409 VERSION_CONFLICT with the
   * current version when another save came first, so no edit silently overwrites another.
   */
  async put(name: string, source: string, author: string, options: { expectedVersion?: number } = {}): Promise<{ record: RuleVersionRecord; summary: ModuleSummary }> {
    assertRuleName(name);
    const bytes = Buffer.byteLength(source, "utf8");
    if (bytes > MAX_RULE_SOURCE_BYTES) {
      throw tooLarge("RULE_TOO_LARGE", `${name} is ${bytes} bytes; a rule file may have at most ${MAX_RULE_SOURCE_BYTES} bytes (1 MiB).`, { bytes, max: MAX_RULE_SOURCE_BYTES });
    }
    const compiled = this.compileOffThread ? undefined : this.compileSource(name, source);
    const module = compiled?.module;
    const { summary, imports } = compiled ? { summary: summarizeModule(compiled.module), imports: compiled.imports } : await this.compileOffThread!(name, source);
    if (!summary.ok) {
      const errors = summary.diagnostics.filter((d) => d.severity === "error");
      throw unprocessable("RULE_COMPILE_ERROR", `${name} does not compile: ${errors.length} error(s), first: ${errors[0]?.message ?? "unknown"}`, { diagnostics: summary.diagnostics });
    }
    if (summary.rules.length === 0) {
      throw unprocessable("NO_RULES", `${name} defines and imports no rule.`, { diagnostics: summary.diagnostics });
    }
    const sha256 = contentHash(source);
    // Two authors saving at once may pick the same next number; the primary key refuses one, which retries.
    for (let attempt = 0; ; attempt++) {
      try {
        const { rows } = await this.db.query<RuleVersionRow>(
          `INSERT INTO rule_versions (name, version, source, sha256, author, imports)
           SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5 FROM rule_versions WHERE name = $1
           HAVING $6::integer IS NULL OR COALESCE(MAX(version), 0) = $6::integer
           RETURNING name, version, sha256, author, created_at`,
          [name, source, sha256, author, JSON.stringify(imports), options.expectedVersion ?? null],
        );
        if (!rows[0]) throw await this.versionConflict(name, options.expectedVersion!);
        const record = { ...infoOf(rows[0]), source, imports };
        // Compiled off-thread, the module stays in the worker; this thread compiles it when it first needs it.
        if (module) this.remember(this.modules, `${name}\u0000${record.version}`, module);
        else this.remember(this.summaries, `${name}\u0000${record.version}`, summary);
        this.remember(this.latest, name, { version: record.version, at: Date.now() });
        return { record, summary };
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }

  private async versionConflict(name: string, expected: number): Promise<Refusal> {
    const { rows } = await this.db.query<{ version: number | null; sha256: string | null; author: string | null }>(
      "SELECT version, sha256, author FROM rule_versions WHERE name = $1 ORDER BY version DESC LIMIT 1",
      [name],
    );
    const current = rows[0] ?? { version: null, sha256: null, author: null };
    const now = current.version === null ? `"${name}" does not exist yet` : `"${name}" is at version ${current.version} (by ${current.author})`;
    return conflict("VERSION_CONFLICT", `The edit started from version ${expected}, but ${now}: compare with it before saving.`, {
      name,
      expected,
      current: current.version ?? 0,
      sha256: current.sha256,
      author: current.author,
    });
  }

  /** Every rule file with its latest version. */
  async list(): Promise<(RuleVersionInfo & { versions: number })[]> {
    const { rows } = await this.db.query<RuleVersionRow & { versions: string }>(
      `SELECT DISTINCT ON (name) name, version, sha256, author, created_at, COUNT(*) OVER (PARTITION BY name) AS versions
       FROM rule_versions ORDER BY name, version DESC`,
    );
    return rows.map((row) => ({ ...infoOf(row), versions: Number(row.versions) }));
  }

  /** Every version of one rule file, oldest first. */
  async versions(name: string): Promise<RuleVersionInfo[]> {
    const { rows } = await this.db.query<RuleVersionRow>("SELECT name, version, sha256, author, created_at FROM rule_versions WHERE name = $1 ORDER BY version", [name]);
    return rows.map(infoOf);
  }

  /**
   * One stored version (the latest when `version` is undefined); 404 RULE_NOT_FOUND when absent.
   * `latestMaxAgeMs` lets a read-only caller (evaluation) reuse a recent answer to "which version is latest";
   * a version stored through this instance is seen at once, one stored through another instance within that time.
   */
  async get(name: string, version?: number, tx: Queryable = this.db, latestMaxAgeMs = 0): Promise<RuleVersionRecord> {
    assertRuleName(name);
    if (version === undefined) {
      const known = this.latest.get(name);
      if (known && Date.now() - known.at <= latestMaxAgeMs) version = known.version;
      else {
        const { rows } = await tx.query<{ version: number | null }>("SELECT MAX(version) AS version FROM rule_versions WHERE name = $1", [name]);
        version = rows[0]?.version ?? undefined;
        if (version === undefined) throw notFound("RULE_NOT_FOUND", `No rule file named "${name}".`, { name });
        this.remember(this.latest, name, { version, at: Date.now() });
      }
    }
    // A stored version never changes, so it can be kept in memory once read.
    const key = `${name}\u0000${version}`;
    const cached = this.records.get(key);
    if (cached) return cached;
    const { rows } = await tx.query<RuleVersionRow>("SELECT name, version, sha256, author, created_at, source, imports FROM rule_versions WHERE name = $1 AND version = $2", [name, version]);
    const row = rows[0];
    if (!row) throw notFound("RULE_VERSION_NOT_FOUND", `Rule file "${name}" has no version ${version}.`, { name, version });
    const source = row.source ?? "";
    const record = { ...infoOf(row), source, imports: row.imports ?? (await this.pinImports(tx, name, version, source)) };
    this.remember(this.records, key, record);
    return record;
  }

  private remember<T>(cache: Map<string, T>, key: string, value: T): void {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(key, value);
  }

  /**
   * The rule to run from a stored file: `selector` when given, else the rule named like the file, else the file's
   * only rule (of `kind`, when given). 422 when there is no such rule or the choice is ambiguous.
   */
  async resolve(name: string, options: { version?: number; selector?: string; kind?: RuleKind; tx?: Queryable; latestMaxAgeMs?: number } = {}): Promise<ResolvedRule> {
    const record = await this.get(name, options.version, options.tx, options.latestMaxAgeMs);
    const module = this.moduleOf(record);
    const rule = selectRule(module, name, options.selector, options.kind);
    return { record, module, rule };
  }

  /**
   * Pins the imports of a version stored before versions pinned them (imports NULL), to the standard library as it
   * is now; the schema allows exactly this one change. Returns what is pinned (another instance may have been first).
   */
  private async pinImports(tx: Queryable, name: string, version: number, source: string): Promise<PinnedImports> {
    const { imports } = this.compileSource(name, source);
    await tx.query("UPDATE rule_versions SET imports = $3 WHERE name = $1 AND version = $2 AND imports IS NULL", [name, version, JSON.stringify(imports)]);
    const { rows } = await tx.query<{ imports: PinnedImports }>("SELECT imports FROM rule_versions WHERE name = $1 AND version = $2", [name, version]);
    return rows[0]?.imports ?? imports;
  }

  /** Pins the imports of every version stored before versions pinned them; run once at start. */
  async pinLegacyImports(): Promise<number> {
    const { rows } = await this.db.query<{ name: string; version: number; source: string }>("SELECT name, version, source FROM rule_versions WHERE imports IS NULL ORDER BY name, version");
    for (const row of rows) await this.pinImports(this.db, row.name, row.version, row.source);
    return rows.length;
  }

  /** Stores each standard-library rule under its own name as version 1, unless that name is already taken. */
  async seedStandardLibrary(): Promise<string[]> {
    const seeded: string[] = [];
    let files: string[] = [];
    try {
      files = readdirSync(this.stdDir).filter((f) => f.endsWith(".gavel")).sort();
    } catch {
      return seeded;
    }
    for (const file of files) {
      const source = readFileSync(join(this.stdDir, file), "utf8");
      const { module, imports } = this.compileSource(file.replace(/\.gavel$/, ""), source);
      if (!module.ok) continue;
      for (const rule of module.rules) {
        if (!isValidRuleName(rule.name)) continue;
        const { rowCount } = await this.db.query(
          `INSERT INTO rule_versions (name, version, source, sha256, author, imports)
           SELECT $1, 1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM rule_versions WHERE name = $1)
           ON CONFLICT DO NOTHING`,
          [rule.name, source, contentHash(source), STD_AUTHOR, JSON.stringify(imports)],
        );
        if (rowCount) seeded.push(rule.name);
      }
    }
    return seeded;
  }
}

function describe(rules: Iterable<CompiledRule>): { name: string; kind: RuleKind }[] {
  return [...rules].map((r) => ({ name: r.name, kind: r.kind }));
}

/** Picks one rule of a compiled file (see RuleRegistry.resolve). */
export function selectRule(module: CompiledModule, fileName: string, selector?: string, kind?: RuleKind): CompiledRule {
  const fits = (rule: CompiledRule | undefined): rule is CompiledRule => rule !== undefined && (kind === undefined || rule.kind === kind);
  if (selector !== undefined) {
    const rule = module.scope.get(selector);
    if (!rule) throw unprocessable("RULE_NOT_IN_FILE", `Rule file "${fileName}" has no rule "${selector}".`, { available: describe(module.scope.values()) });
    if (kind !== undefined && rule.kind !== kind) throw unprocessable("WRONG_RULE_KIND", `Rule "${selector}" is a ${rule.kind}, not a ${kind}.`, { rule: selector, kind: rule.kind });
    return rule;
  }
  const named = module.scope.get(fileName);
  if (fits(named)) return named;
  for (const candidates of [module.rules, [...module.scope.values()]]) {
    const matching = candidates.filter(fits);
    if (matching.length === 1) return matching[0]!;
    if (matching.length > 1) {
      throw unprocessable("AMBIGUOUS_RULE", `Rule file "${fileName}" has ${matching.length} ${kind ?? "rule"}s: name the one to use.`, { available: describe(matching) });
    }
  }
  throw unprocessable(kind ? "WRONG_RULE_KIND" : "RULE_NOT_IN_FILE", `Rule file "${fileName}" has no ${kind ?? "rule"}.`, { available: describe(module.scope.values()) });
}

/** Compile diagnostics that are only warnings (returned with a stored version). */
export function warningsOf(module: CompiledModule): Diagnostic[] {
  return module.diagnostics.filter((d) => d.severity === "warning");
}
