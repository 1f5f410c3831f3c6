/** @gavel-rules/editor: the web workbench. The page's entry is main.ts; this exports the custom elements for reuse. */

export { GavelWorkbench } from "./components/gavel-workbench";
