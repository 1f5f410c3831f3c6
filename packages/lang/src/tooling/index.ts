/**
 * tooling: what hosts (CLI, language server, editor, service) call: the language service (completion, hover, symbols,
 * definition, references, rename, signature help), the formatter, the test runner, quick fixes, threshold tables,
 * semantic and scorecard diffs, boundary coverage and the std import policy.
 * Tooling is the top phase: no other folder imports it, so nothing is listed here; the package index (../index.ts)
 * exports its public names, and package.json the `std-path` and `quick-fixes` subpaths.
 */
export {};
