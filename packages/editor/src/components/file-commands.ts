/**
 * The workbench's file habits from VS Code, kept out of the workbench itself: quick open (Ctrl+P), search across
 * files (Ctrl+Shift+F), upload (an action, or .gavel files dropped anywhere on the window) and download.
 */

import type { ReactiveController, ReactiveControllerHost } from "lit";
import type * as Monaco from "monaco-editor/editor";
import { t, type MessageKey } from "../i18n";
import { downloadRuleFile, readRuleUpload } from "../rule-file-transfer";
import { RuleSourceCache } from "../rule-source-cache";
import { getRule } from "../rules-api";
import type { ExplorerFile } from "./explorer-view";
import type { QuickOpen } from "./quick-open";
import type { SearchMatchTarget, SearchSources } from "./search-view";

/** The element the controller lives on: the workbench. */
export type FileCommandsHost = ReactiveControllerHost & HTMLElement;

/** What the controller needs from the workbench. */
export interface WorkbenchFiles {
  /** The explorer's list: the registry's files (less those removed here) and unsaved local ones. */
  listedFiles(): ExplorerFile[];
  /** The editable open tabs' current text. */
  openTexts(): { name: string; text: string; dirty: boolean }[];
  refreshRegistry(): Promise<void>;
  /** Whether a file of this name is open or stored. */
  fileExists(name: string): boolean;
  openFile(name: string): Promise<void>;
  /** Opens `name` (creating an unsaved tab when it is new) and replaces its text with `text` as one undoable edit. */
  openWithText(name: string, text: string): Promise<void>;
  /** The active file's name, if any. */
  activeFile(): string | null;
  editor(): Monaco.editor.IStandaloneCodeEditor | null;
  /** Opens the Search view and resolves once it is rendered. */
  showSearchView(): Promise<void>;
  notifyError(message: () => string, key: string): void;
  flash(message: string): void;
}

export class FileCommands implements ReactiveController {
  /** Stored versions read by Search: each is fetched once. */
  readonly sourceCache = new RuleSourceCache(async (name, version) => (await getRule(name, version)).source);
  private dragDepth = 0;

  constructor(
    private readonly element: FileCommandsHost,
    private readonly host: WorkbenchFiles,
  ) {
    element.addController(this);
  }

  hostConnected(): void {
    // Capture phase: Monaco would otherwise take a file dropped on the editor and insert it as text.
    window.addEventListener("dragenter", this.onDragEnter, true);
    window.addEventListener("dragover", this.onDragOver, true);
    window.addEventListener("dragleave", this.onDragLeave, true);
    window.addEventListener("drop", this.onDrop, true);
  }

  hostDisconnected(): void {
    window.removeEventListener("dragenter", this.onDragEnter, true);
    window.removeEventListener("dragover", this.onDragOver, true);
    window.removeEventListener("dragleave", this.onDragLeave, true);
    window.removeEventListener("drop", this.onDrop, true);
  }

  /** Handles the workbench-wide shortcuts Ctrl+P and Ctrl+Shift+F (before Monaco or the browser); true when it did. */
  onKey(event: KeyboardEvent): boolean {
    const mod = (event.ctrlKey || event.metaKey) && !event.altKey;
    const key = event.key.toLowerCase();
    if (mod && !event.shiftKey && key === "p") this.quickOpen();
    else if (mod && event.shiftKey && key === "f") void this.search();
    else return false;
    event.preventDefault();
    event.stopPropagation();
    return true;
  }

  /** Shows quick open over every listed rule file. */
  quickOpen(): void {
    const open = new Set(this.host.openTexts().map((d) => d.name));
    const box = this.element.querySelector<QuickOpen>("gavel-quick-open");
    box?.show(this.host.listedFiles().map((f) => ({ name: f.name, version: f.version, open: open.has(f.name) })));
  }

  /** Opens the Search view with the focus in its query, filled with the editor's one-line selection if there is one. */
  async search(): Promise<void> {
    const editor = this.host.editor();
    const selection = editor?.getSelection();
    const selected = selection && !selection.isEmpty() && selection.startLineNumber === selection.endLineNumber ? editor!.getModel()?.getValueInRange(selection) : undefined;
    await this.host.showSearchView();
    this.element.querySelector<HTMLElement & { focusQuery(text?: string): void }>("gavel-search")?.focusQuery(selected);
  }

  /** The text Search reads: open tabs as edited, every other listed file at its latest stored version (cached). */
  readonly searchSources = async (): Promise<SearchSources> => {
    await this.host.refreshRegistry();
    const open = this.host.openTexts();
    const openNames = new Set(open.map((d) => d.name));
    const listing = new Map<string, number>();
    for (const file of this.host.listedFiles()) if (file.version !== null && !openNames.has(file.name)) listing.set(file.name, file.version);
    const { sources, failed } = await this.sourceCache.sourcesOf(listing);
    return { files: [...open, ...[...sources].map(([name, text]) => ({ name, text, dirty: false }))], failed };
  };

  /** Opens a search result's file with the match selected. */
  async revealMatch(target: SearchMatchTarget): Promise<void> {
    await this.host.openFile(target.name);
    await this.element.updateComplete;
    const editor = this.host.editor();
    if (!editor) return;
    const range = { startLineNumber: target.line, startColumn: target.column, endLineNumber: target.line, endColumn: target.column + target.length };
    editor.setSelection(range);
    editor.revealRangeInCenter(range);
    editor.focus();
  }

  /** Asks for .gavel files from the user's disk (the Upload action). */
  chooseUploads(): void {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = ".gavel";
    input.multiple = true;
    input.hidden = true;
    input.addEventListener("change", () => {
      void this.upload([...(input.files ?? [])]);
      input.remove();
    });
    input.addEventListener("cancel", () => input.remove());
    document.body.append(input);
    input.click();
  }

  /**
   * Opens uploaded files as unsaved tabs. A name that exists asks first and then replaces the text in its tab (saving
   * stays conditional on its stored version); any other file, not UTF-8 text or with a bad name, is refused with a
   * notification.
   */
  async upload(files: File[]): Promise<void> {
    for (const file of files) {
      const read = await readRuleUpload(file);
      if (!read.ok) {
        const key: MessageKey = `upload.${read.reason}`;
        this.host.notifyError(() => t(key, { name: read.fileName }), `upload:${read.fileName}`);
        continue;
      }
      const shown = `${read.name}.gavel`;
      if (this.host.fileExists(read.name) && !confirm(t("upload.replace", { name: shown }))) continue;
      await this.host.openWithText(read.name, read.text);
      this.host.flash(t("upload.opened", { name: shown }));
    }
  }

  /** Downloads a rule file as NAME.gavel: an open tab's text as it is now, otherwise the latest stored version. */
  async download(name: string | null = this.host.activeFile()): Promise<void> {
    if (name === null) return;
    const open = this.host.openTexts().find((d) => d.name === name);
    try {
      downloadRuleFile(name, open ? open.text : (await getRule(name)).source);
    } catch (error) {
      this.host.notifyError(() => (error instanceof Error ? error.message : String(error)), `download:${name}`);
    }
  }

  private static carriesFiles(event: DragEvent): boolean {
    return event.dataTransfer?.types.includes("Files") ?? false;
  }

  private readonly onDragEnter = (event: DragEvent): void => {
    if (!FileCommands.carriesFiles(event)) return;
    this.dragDepth++;
    this.element.dataset["dropping"] = "";
    this.element.dataset["dropLabel"] = t("upload.drop");
  };

  private readonly onDragOver = (event: DragEvent): void => {
    if (!FileCommands.carriesFiles(event)) return;
    event.preventDefault(); // allows the drop
    event.stopPropagation();
    if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
  };

  private readonly onDragLeave = (event: DragEvent): void => {
    if (!FileCommands.carriesFiles(event)) return;
    this.dragDepth = Math.max(0, this.dragDepth - 1);
    if (this.dragDepth === 0) delete this.element.dataset["dropping"];
  };

  private readonly onDrop = (event: DragEvent): void => {
    if (!FileCommands.carriesFiles(event)) return;
    event.preventDefault();
    event.stopPropagation();
    this.dragDepth = 0;
    delete this.element.dataset["dropping"];
    void this.upload([...(event.dataTransfer?.files ?? [])]);
  };
}
