/**
 * Everything Monaco: the core, its features (hover, find, folding, palette...), its editor worker, our themes and
 * the gavel language. Loaded with a dynamic import so the workbench's first screen does not wait for ~4 MB of editor.
 */

import "monaco-editor/features/register.all";
import * as monaco from "monaco-editor/editor";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import { registerGavelLanguage } from "./language/gavel-language";
export { STD_SCHEME } from "./language/gavel-language";
export { registerLensCommands } from "./language/code-lenses";

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

monaco.editor.defineTheme("gavel-light", {
  base: "vs",
  inherit: true,
  rules: [
    { token: "variable.predefined", foreground: "795e26" },
    { token: "constant", foreground: "0070c1" },
    { token: "number.percent", foreground: "098658" },
  ],
  colors: {},
});
monaco.editor.defineTheme("gavel-dark", {
  base: "vs-dark",
  inherit: true,
  rules: [
    { token: "variable.predefined", foreground: "dcdcaa" },
    { token: "constant", foreground: "4fc1ff" },
    { token: "number.percent", foreground: "b5cea8" },
  ],
  colors: { "editor.background": "#1e1e1e" },
});

export const analyzer = registerGavelLanguage();
export { monaco };
export * as modelFiles from "./language/model-files";
