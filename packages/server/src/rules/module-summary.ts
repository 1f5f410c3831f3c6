/** What a client is told about a compiled rule file: its rules with their inputs, and its diagnostics (plain, cloneable data). */

import type { CompiledModule, CompiledRule, Diagnostic, InputInfo, JsonSchema } from "@gavel-rules/lang";

/** One rule of a file as described to clients. */
export interface RuleSummary {
  name: string;
  label: string;
  kind: CompiledRule["kind"];
  inputs: Omit<InputInfo, "span">[];
  inputSchema: JsonSchema;
}

/** A compiled file as plain data: it can cross a worker boundary, unlike the compiled rules themselves. */
export interface ModuleSummary {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Every rule visible in the file (its own and imported ones). */
  rules: RuleSummary[];
}

/** The summary of a compiled module. */
export function summarizeModule(module: CompiledModule): ModuleSummary {
  const rules = [...module.scope.values()].map((rule) => ({
    name: rule.name,
    label: rule.label,
    kind: rule.kind,
    inputs: rule.inputs.map(({ span: _span, ...input }) => input),
    inputSchema: rule.inputSchema,
  }));
  return { ok: module.ok, diagnostics: module.diagnostics, rules };
}
