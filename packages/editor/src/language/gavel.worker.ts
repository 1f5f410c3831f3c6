/// <reference lib="webworker" />
/** The gavel language worker: runs the real compiler, test runner and language service off the main thread. */

import {
  compile, factLabel, format, getCompletions, getDefinition, getDocumentSymbols, getHover, getModuleSymbols, getReferences, getRename, getSignatureHelp, prepareRename, localizeError, localizeTestResult, runTests, thresholdTable,
  type CompiledModule, type CompileOptions, type DocumentSymbol,
} from "@gavel-rules/lang";
import { createImportResolver } from "./import-resolver";
import { semanticDiffReport } from "./semantic-diff-report";
import type { Analysis, MethodName, TestRunSummary, WorkerMethods, WorkerRequest, WorkerResponse } from "./protocol";

declare const self: DedicatedWorkerGlobalScope;

const files = new Map<string, string>();
const resolveImport = createImportResolver(files);

/** The last compiled module, reused while the source is unchanged (Try it and Tests after a check). */
let cached: { file: string; source: string; module: CompiledModule } | undefined;

/** The language of diagnostic messages (the UI's). */
let locale: "en" | "zh" = "en";

function options(file: string): CompileOptions {
  return { file, resolveImport, locale };
}

function compileCached(file: string, source: string): CompiledModule {
  if (cached && cached.file === file && cached.source === source) return cached.module;
  const module = compile(source, options(file));
  cached = { file, source, module };
  return module;
}

/** The identifier touching `offset` (Unicode names included), if any. */
function identifierAt(source: string, offset: number): string | undefined {
  const isName = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);
  let start = offset;
  let end = offset;
  while (start > 0 && isName(source[start - 1])) start--;
  while (end < source.length && isName(source[end])) end++;
  return end > start ? source.slice(start, end) : undefined;
}

/** The paths of a file's `import "..."` lines. */
function importPaths(source: string): string[] {
  return [...source.matchAll(/^\s*import\s+"([^"]+)"/gm)].map((m) => m[1]!);
}

let symbolsCache: { source: string; symbols: DocumentSymbol[] } | undefined;

type Handlers = { [M in MethodName]: (params: WorkerMethods[M]["params"]) => WorkerMethods[M]["result"] };

const handlers: Handlers = {
  setFiles({ files: next }) {
    files.clear();
    for (const [name, source] of Object.entries(next)) files.set(name, source);
    cached = undefined;
    return null;
  },
  setLocale({ locale: next }) {
    locale = next;
    cached = undefined;
    return null;
  },
  analyze({ file, source, version }): Analysis {
    const module = compileCached(file, source);
    return {
      version,
      // Problems inside imported files are reported at the import, by the compiler; show only this file's.
      diagnostics: module.diagnostics.filter((d) => d.file === undefined || d.file === file),
      // Imported rules too: a file of tests for std/major-matter.gavel can try major_matter.
      rules: [...module.scope.values()].map(({ name, label, kind, inputs, span }) => ({
        name, label, kind, inputs: inputs.map(localFactLabel), span, own: module.rules.some((r) => r.name === name),
      })),
      tests: module.tests,
      symbols: getModuleSymbols(module),
    };
  },
  symbols({ source }) {
    if (symbolsCache?.source !== source) symbolsCache = { source, symbols: getDocumentSymbols(source) };
    return symbolsCache.symbols;
  },
  complete({ file, source, offset }) {
    return getCompletions(source, offset, options(file));
  },
  signatureHelp({ file, source, offset }) {
    return getSignatureHelp(source, offset, options(file)) ?? null;
  },
  hover({ file, source, offset }) {
    return getHover(source, offset, options(file)) ?? null;
  },
  definition({ file, source, offset }) {
    const definition = getDefinition(source, offset, options(file));
    if (!definition) return null;
    if (definition.file !== undefined) return definition;
    // For a rule defined in an imported file lang gives the span there but no file name: find the import defining it.
    const name = identifierAt(source, offset);
    const module = compileCached(file, source);
    if (name && !module.rules.some((r) => r.name === name) && module.scope.has(name)) {
      for (const path of importPaths(source)) {
        const imported = resolveImport(path, file);
        if (imported && compile(imported.source, options(imported.file)).rules.some((r) => r.name === name)) {
          return { span: definition.span, file: imported.file };
        }
      }
    }
    return { span: definition.span, file };
  },
  references({ file, source, offset }) {
    const found = getReferences(source, offset, options(file));
    return found ? { spans: found.spans, ...(found.declaration ? { declaration: found.declaration } : {}) } : null;
  },
  prepareRename({ file, source, offset }) {
    const prepared = prepareRename(source, offset, options(file));
    return prepared.ok ? prepared : { ok: false, message: prepared.message };
  },
  rename({ file, source, offset, newName }) {
    const outcome = getRename(source, offset, newName, options(file));
    return outcome.ok ? { ok: true, edits: outcome.edits } : { ok: false, message: outcome.message };
  },
  format({ source }) {
    return format(source);
  },
  runTests({ file, source, only }): TestRunSummary {
    const module = compileCached(file, source);
    // One lens runs exactly one test (lang's `filter` would match by substring).
    const run = runTests(module, only === undefined ? {} : { name: only });
    // A test's rule result computes parts of itself when read: postMessage would copy its own fields only, JSON copies all.
    const results = run.results.map((r) => localizeTestResult(r, locale)).map((r) => (r.result ? { ...r, result: JSON.parse(JSON.stringify(r.result)) as typeof r.result } : r));
    return {
      results,
      passed: results.filter((r) => r.passed).length,
      failed: results.filter((r) => !r.passed).length,
      coverageTotal: module.coverageUnits.length,
      uncovered: module.coverageUnits
        .filter((unit) => !run.covered.has(unit.id))
        .map(({ id, description, span }) => ({ id, description, span })),
    };
  },
  evaluate({ file, source, rule, input }) {
    const module = compileCached(file, source);
    const compiled = module.scope.get(rule) ?? module.rules.find((r) => r.name === rule);
    if (!compiled) return { ok: false, error: { code: "UNKNOWN_RULE", message: `No rule named ${rule} in this file.` } };
    const outcome = compiled.evaluate(input);
    // A result computes parts of itself when first read: postMessage would copy its own fields only, JSON copies all.
    return outcome.ok ? (JSON.parse(JSON.stringify(outcome)) as typeof outcome) : { ok: false, error: localizeError(outcome.error, locale) };
  },
  voteLines({ file, source, rule, input }) {
    const compiled = compileCached(file, source).scope.get(rule);
    const count = (name: string) => (typeof input[name] === "number" ? (input[name] as number) : 0);
    const entitled = count("entitled");
    if (!compiled || compiled.kind !== "vote" || !Number.isInteger(entitled) || entitled > MAX_LINE_SCAN) return { quorum: null, passes: null };
    const holds = (clause: string, counts: Record<string, number>) => {
      const outcome = compiled.evaluate({ ...input, ...counts });
      return outcome.ok && outcome.result.values[clause] === true;
    };
    // The rule is the only authority on where its lines are: ask it, count by count, instead of re-deriving 2/3 here.
    let quorum: number | null = null;
    for (let present = 0; present <= entitled && quorum === null; present++) {
      if (holds("quorum", { present, yes: 0, no: 0, abstain: 0 })) quorum = present;
    }
    let passes: number | null = null;
    const room = count("present") - count("no") - count("abstain");
    for (let yes = 0; yes <= room && passes === null; yes++) {
      if (holds("passes", { yes })) passes = yes;
    }
    return { quorum, passes };
  },
  thresholdTable({ file, source, rule, from, to }) {
    if (to > MAX_TABLE_ROSTER) return null;
    const table = thresholdTable(compileCached(file, source), rule, from, to);
    return table.ok ? table.rows : null;
  },
  semanticDiff({ file, before, after, entitledTo, files: given, locale: lang }) {
    // Its own resolver and locale: this worker's open files and caches stay as the live checks left them.
    const compileOptions: CompileOptions = { file, resolveImport: createImportResolver(new Map(Object.entries(given))), locale: lang };
    return semanticDiffReport(compile(before, compileOptions), compile(after, compileOptions), entitledTo);
  },
};

/** Rosters larger than this get no threshold table in the editor. */
const MAX_TABLE_ROSTER = 1000;

/** Rosters larger than this get no lines drawn (the scan is linear in the roster). */
const MAX_LINE_SCAN = 5000;

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { id, method, params } = event.data;
  let response: WorkerResponse;
  try {
    const handler = handlers[method] as (p: typeof params) => unknown;
    response = { id, ok: true, result: handler(params) };
  } catch (error) {
    response = { id, ok: false, message: error instanceof Error ? `${error.message}` : String(error) };
  }
  self.postMessage(response);
};

/**
 * A built-in input labelled in the UI's language instead of both: a vote's or an election's counts, an election's
 * votes by candidate and a rating's levels. Labels a rule file gives are the author's and stay as written.
 */
function localFactLabel<T extends { name: string; label?: string }>(input: T): T {
  if (locale === "en") return input;
  const both = factLabel(input.name);
  if (both !== undefined && input.label === both) return { ...input, label: factLabel(input.name, locale) };
  if (input.name === "candidates" && input.label === "候选人得票 / votes by candidate") return { ...input, label: "候选人得票" };
  if (input.label === `测评等次 / level ${input.name}`) return { ...input, label: `测评等次 ${input.name}` };
  return input;
}
