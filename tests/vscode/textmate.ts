/** The extension's TextMate grammar loaded as VS Code loads it: vscode-textmate on the Oniguruma regex engine (WebAssembly). */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import * as oniguruma from "vscode-oniguruma";
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type StateStack } from "vscode-textmate";
import { repoRoot } from "../cli/run-gavel";

export const extensionRoot = join(repoRoot, "packages/vscode");
export const grammarPath = join(extensionRoot, "syntaxes/gavel.tmLanguage.json");

/** One token of a line: its text, where it starts (UTF-16 index in the line), and its innermost scope. */
export interface LineToken {
  text: string;
  start: number;
  end: number;
  scopes: string[];
  scope: string;
}

let loaded: Promise<IGrammar> | undefined;

/** The grammar, loaded once per test file. */
export function loadGrammar(): Promise<IGrammar> {
  loaded ??= (async () => {
    const wasm = readFileSync(join(createRequire(import.meta.url).resolve("vscode-oniguruma"), "../onig.wasm"));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName) => (scopeName === "source.gavel" ? parseRawGrammar(readFileSync(grammarPath, "utf8"), grammarPath) : null),
    });
    const grammar = await registry.loadGrammar("source.gavel");
    if (!grammar) throw new Error("the grammar did not load");
    return grammar;
  })();
  return loaded;
}

/** Tokenizes a whole text line by line, as the editor does (the rule stack carries over lines). */
export function tokenizeText(grammar: IGrammar, text: string): LineToken[][] {
  let stack: StateStack = INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => {
      const end = Math.min(t.endIndex, line.length);
      return { text: line.slice(t.startIndex, end), start: t.startIndex, end, scopes: t.scopes, scope: t.scopes[t.scopes.length - 1]! };
    });
  });
}
