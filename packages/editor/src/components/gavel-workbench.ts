/**
 * The workbench: owns the open rule files and wires the explorer, tabs, Monaco, the bottom panel and the status bar
 * together. Light DOM, so the Monaco host below it sits in the document and gets Monaco's global CSS.
 */

import type { DocumentSymbol, Span, ThresholdRow } from "@gavel-rules/lang";
import { LitElement, html, nothing } from "lit";
import { customElement, query, state } from "lit/decorators.js";
import type * as Monaco from "monaco-editor/editor";
import { getLocale, setLocale, t, onLocaleChange } from "../i18n";
import { languageClient } from "../language/language-client";
import { semanticDiffer } from "../language/semantic-diff-client";
import type { Analysis, TestRunSummary, VoteLines } from "../language/protocol";
import { loadMonaco, type MonacoSetup } from "../monaco-loader";
import { deferSignIn, getTheme, getToken, isDarkTheme, isSignInDeferred, setTheme, setToken } from "../preferences";
import { newRuleFileSource } from "../rule-templates";
import { deleteDraft, listDrafts, saveDraft, type Draft } from "../draft-store";
import { ApiError, VersionConflictError, getRule, listRules, putRule, type VersionInfo } from "../rules-api";
import { whoAmI, type Identity } from "../session-api";
import type { SidebarView } from "./activity-bar";
import type { PanelView } from "./bottom-panel";
import type { CodeEditor, EditorSide } from "./code-editor";
import type { ExplorerFile, ExplorerView } from "./explorer-view";
import { FileCommands } from "./file-commands";
import type { SearchMatchTarget } from "./search-view";
import type { NotificationCenter } from "./notification-center";
import type { Comparison } from "./semantic-diff-view";
import type { SettingsDialog } from "./settings-dialog";
import type { SignInDialog, SignInReason } from "./sign-in-dialog";
import type { TryView } from "./try-view";
import "./activity-bar";
import "./bottom-panel";
import { symbolPathAt } from "../symbol-path";
import "./breadcrumbs";
import "./code-editor";
import "./editor-tabs";
import "./explorer-view";
import "./history-view";
import "./meeting-view";
import "./notification-center";
import "./outline-view";
import "./problems-view";
import "./quick-open";
import "./search-view";
import "./settings-dialog";
import "./sign-in-dialog";
import "./status-bar";
import "./tests-view";
import "./try-view";


/** A rule file open in a tab. */
interface OpenDocument {
  name: string;
  model: Monaco.editor.ITextModel;
  /** The registry version this text was loaded from or saved as; null when never stored. */
  savedVersion: number | null;
  /** Monaco's alternative version id at the last load or save: equal to the current one means "not modified". */
  savedAltId: number;
  /** Standard-library files opened by "go to definition": shown, never saved. */
  readOnly?: boolean;
}

const HIDDEN_KEY = "gavel.hiddenRules";
/** How long after the last keystroke a draft is written to IndexedDB. */
const DRAFT_DELAY_MS = 250;
/** How often the workbench asks for the registry again while the service is unreachable. */
const RECONNECT_MS = 2000;
/** The bottom panel is never shorter than its tab row and a few lines. */
const PANEL_MIN_HEIGHT = 100;
/** The height the person gave the bottom panel with its sash, kept in this browser. */
const PANEL_HEIGHT_KEY = "gavel.panelHeight";

/** What a reload for a language switch carries over in session storage (the unsaved texts go as drafts). */
interface CarriedSession {
  open: string[];
  active: string | null;
  sidebar: SidebarView | null;
  panel: PanelView;
}

// Above the class: the element is defined, and connected, when its class is evaluated.
const CARRIED_SESSION_KEY = "gavel.carriedSession";

/** The session the page before this one left for it (once: it is removed as it is read). */
function takeCarriedSession(): CarriedSession | null {
  const text = sessionStorage.getItem(CARRIED_SESSION_KEY);
  if (text === null) return null;
  sessionStorage.removeItem(CARRIED_SESSION_KEY);
  try {
    return JSON.parse(text) as CarriedSession;
  } catch {
    return null;
  }
}

/** The text of an error for a person: a failed fetch says the service is unreachable, in the UI's language. */
function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return t("error.network");
  return error instanceof Error ? error.message : String(error);
}

@customElement("gavel-workbench")
export class GavelWorkbench extends LitElement {
  @state() private registry = new Map<string, number>();
  @state() private offline = false;
  /** Who the stored token belongs to, as the service said; null when nobody is signed in (or not known yet). */
  @state() private identity: Identity | null = null;
  @state() private hiddenRules = new Set<string>(JSON.parse(localStorage.getItem(HIDDEN_KEY) ?? "[]") as string[]);
  @state() private docs: OpenDocument[] = [];
  /** The file of the side with the focus (the only side unless the editor is split). */
  @state() private activeName: string | null = null;
  /** The file in the left (or only) editor. */
  @state() private leftName: string | null = null;
  /** The file in the split editor's right side; null while the editor is not split. */
  @state() private splitName: string | null = null;
  @state() private focusedSide: EditorSide = "left";
  @state() private sidebar: SidebarView | null = "explorer";
  @state() private panel: PanelView = "problems";
  /** False while the bottom panel is collapsed to its tab row (Ctrl+`, its ⌄ button); a panel tab expands it again. */
  @state() private panelExpanded = true;
  @state() private analysis: Analysis | null = null;
  /** The outline of the active file, fetched only while the Outline view is open. */
  @state() private symbols: DocumentSymbol[] = [];
  @state() private testRun: TestRunSummary | null = null;
  @state() private testsRunning = false;
  @state() private cursor = { line: 1, column: 1 };
  @state() private message = "";
  @state() private comparing: number | null = null;
  /** The texts of the History's open diff, for its "What changes" panel. */
  @state() private comparison: Comparison | null = null;
  private readonly differ = semanticDiffer(() => Object.fromEntries(this.docs.map((d) => [`${d.name}.gavel`, d.model.getValue()])));
  /** Stored versions of the active file (who and when), fetched while the History view is open. */
  @state() private versions: VersionInfo[] = [];
  /** Bumped on every edit so tabs and the status bar re-render their unsaved markers. */
  @state() private editTick = 0;
  /** The bottom panel's height and the most it may take, in px: the sash announces them (aria-valuenow/max). */
  @state() private panelSize = { now: PANEL_MIN_HEIGHT, max: PANEL_MIN_HEIGHT };
  private readonly panelObserver = new ResizeObserver(() => this.measurePanel());
  private observedPanel: Element | null = null;

  @query("gavel-code-editor") private codeEditor!: CodeEditor;
  @query("gavel-settings-dialog") private settingsDialog!: SettingsDialog;
  @query("gavel-sign-in-dialog") private signInDialog!: SignInDialog;
  @query("gavel-explorer") private explorer?: ExplorerView;
  @query("gavel-notifications") private notifications!: NotificationCenter;

  private monacoSetup: MonacoSetup | null = null;
  /** The language Monaco's own strings were loaded in: they cannot change without loading Monaco again. */
  private readonly monacoLocale = getLocale();
  /** Set while the page reloads itself for a language switch: the work is kept, so the browser need not ask. */
  private reloadingForLocale = false;
  private readonly monacoReady: Promise<MonacoSetup> = loadMonaco().then((setup) => {
    this.monacoSetup = setup;
    setup.analyzer.onAnalysis((model, analysis) => this.onAnalysis(model, analysis));
    setup.registerLensCommands(
      (_file, test) => void this.runTests(test),
      (_file, rule) => this.tryRule(rule),
    );
    setup.monaco.editor.registerEditorOpener({
      openCodeEditor: (_source, resource, selection) => this.openResource(setup, resource, selection),
    });
    this.requestUpdate();
    return setup;
  });
  private actions: Monaco.IDisposable[] = [];
  private readonly draftTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private reconnectTimer: ReturnType<typeof setInterval> | undefined;
  /** The file whose conflict is being merged in the diff view: saving it closes the diff. */
  private merging: string | null = null;
  private messageTimer: ReturnType<typeof setTimeout> | undefined;
  private unsubscribeLocale?: () => void;
  /** Quick open, search across files, upload and download. */
  private readonly files = new FileCommands(this, {
    listedFiles: () => this.explorerFiles(),
    openTexts: () => this.docs.filter((d) => !d.readOnly).map((d) => ({ name: d.name, text: d.model.getValue(), dirty: this.isDirty(d) })),
    refreshRegistry: () => this.refreshRegistry(),
    fileExists: (name) => this.docs.some((d) => d.name === name) || this.registry.has(name),
    openFile: (name) => this.openFile(name),
    openWithText: (name, text) => this.openWithText(name, text),
    activeFile: () => (this.activeDoc?.readOnly ? null : (this.activeDoc?.name ?? null)),
    editor: () => this.codeEditor?.editor ?? null,
    showSearchView: () => ((this.sidebar = "search"), this.updateComplete.then(() => undefined)),
    notifyError: (message, key) => this.notify("error", message, key),
    flash: (message) => this.flash(message),
  });

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.dataset["theme"] = getTheme();
    document.documentElement.lang = getLocale();
    const panelHeight = Number(localStorage.getItem(PANEL_HEIGHT_KEY));
    // The stored height as it was set; panelMaxHeight() bounds it again at the next drag (the window may be smaller now).
    if (panelHeight >= PANEL_MIN_HEIGHT) this.style.setProperty("--panel-height", `${panelHeight}px`);
    window.addEventListener("keydown", this.onGlobalKey, true);
    this.addEventListener("reveal-span", (e) => this.revealSpan((e as CustomEvent<Span>).detail));
    this.addEventListener("reveal-position", (e) => this.revealSpan((e as CustomEvent<Span>).detail));
    this.unsubscribeLocale = onLocaleChange(() => {
      this.requestUpdate();
      if (this.codeEditor?.editor) this.registerActions();
    });
    const carried = takeCarriedSession();
    void this.refreshRegistry().then(this.openFromHash);
    void this.restoreSession();
    // Drafts live in this browser: offering them back must not wait for (or depend on) the service answering.
    void (carried ? this.resumeSession(carried) : this.offerDrafts());
    window.addEventListener("hashchange", this.openFromHash);
    window.addEventListener("beforeunload", this.onBeforeUnload);
    window.addEventListener("pagehide", this.flushDrafts);
    window.addEventListener("online", this.onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener("keydown", this.onGlobalKey, true);
    window.removeEventListener("hashchange", this.openFromHash);
    window.removeEventListener("beforeunload", this.onBeforeUnload);
    window.removeEventListener("pagehide", this.flushDrafts);
    window.removeEventListener("online", this.onOnline);
    clearInterval(this.reconnectTimer);
    this.panelObserver.disconnect();
    this.observedPanel = null;
    this.unsubscribeLocale?.();
  }

  /** The browser asks before leaving the page while a file has unsaved changes. */
  private readonly onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (this.reloadingForLocale) return;
    this.flushDrafts();
    if (this.docs.some((d) => !d.readOnly && this.isDirty(d))) event.preventDefault();
  };

  /**
   * Monaco's own strings (its palette, menus, find widget) are read once when it loads, so after a language switch
   * the status bar offers to load the page again (as VS Code offers a restart; reloading unasked would also lose
   * Try it's inputs and an open diff). First every unsaved text is written to its draft and the open tabs to this
   * tab's session storage; the new page opens the same tabs and puts the drafts back without asking (resumeSession).
   */
  private async reloadKeepingWork(): Promise<void> {
    if (this.reloadingForLocale) return;
    this.reloadingForLocale = true;
    const editable = this.docs.filter((d) => !d.readOnly);
    try {
      await Promise.all(editable.map((doc) => {
        clearTimeout(this.draftTimers.get(doc.name));
        this.draftTimers.delete(doc.name);
        return this.isDirty(doc)
          ? saveDraft({ name: doc.name, text: doc.model.getValue(), baseVersion: doc.savedVersion, savedAt: new Date().toISOString() })
          : deleteDraft(doc.name);
      }));
    } catch (error) {
      // No draft store: a reload would lose the edits, so Monaco keeps its language until the next load.
      this.reloadingForLocale = false;
      this.notify("error", () => errorText(error), "draft-write");
      return;
    }
    const session: CarriedSession = { open: editable.map((d) => d.name), active: this.activeName, sidebar: this.sidebar, panel: this.panel };
    sessionStorage.setItem(CARRIED_SESSION_KEY, JSON.stringify(session));
    location.reload();
  }

  /** After a reload for a language switch: the tabs of the page before, their unsaved text restored, the same file active. */
  private async resumeSession(carried: CarriedSession): Promise<void> {
    this.sidebar = carried.sidebar;
    this.panel = carried.panel;
    let drafts: Draft[] = [];
    try {
      drafts = await listDrafts();
    } catch {
      // no IndexedDB: reloadKeepingWork did not reload without one
    }
    const mine = drafts.filter((d) => carried.open.includes(d.name));
    await this.restoreDrafts(mine);
    for (const name of carried.open) if (!mine.some((d) => d.name === name)) await this.openFile(name);
    // Tabs in their old order, the old active one active.
    this.docs = [...this.docs].sort((a, b) => carried.open.indexOf(a.name) - carried.open.indexOf(b.name));
    if (carried.active && this.docs.some((d) => d.name === carried.active)) this.activate(carried.active);
    this.notifications?.dismissKey("drafts");
    const others = drafts.filter((d) => !carried.open.includes(d.name));
    if (others.length > 0) await this.offerDraftList(others);
  }

  private readonly onOnline = (): void => void this.refreshRegistry();

  /** `#name` in the address opens that rule file: links to a rule work, and so do back and forward. */
  private readonly openFromHash = (): void => {
    const wanted = decodeURIComponent(location.hash.replace(/^#/, ""));
    if (wanted && wanted !== this.activeName) void this.openFile(wanted);
  };

  // ---- who is signed in ---------------------------------------------------------------------------------------

  /**
   * At load: asks the service whose the stored token is, for the status bar. With no token, the sign-in dialog opens
   * (unless the visitor chose to read without signing in); a token the service refuses (revoked) is forgotten and
   * the dialog says so.
   */
  private async restoreSession(): Promise<void> {
    if (!getToken()) {
      if (!isSignInDeferred()) await this.openSignIn("welcome");
      return;
    }
    try {
      this.identity = await whoAmI();
    } catch (error) {
      // Unreachable or failing: the token may well be fine, so it is kept and asked about again at the next load.
      if (!(error instanceof ApiError && error.status === 401)) return;
      setToken("");
      this.identity = null;
      await this.openSignIn("expired");
    }
  }

  private async openSignIn(reason: SignInReason): Promise<void> {
    await this.updateComplete;
    await this.signInDialog.open(reason);
  }

  private readonly onSignedIn = (identity: Identity): void => {
    this.identity = identity;
    deferSignIn(false);
    this.flash(t("signIn.ok", { name: identity.name, role: t(`role.${identity.role}`) }));
  };

  /** Forgets the token; the next load asks again (the next person at this browser signs in as themselves). */
  private signOut(): void {
    setToken("");
    deferSignIn(false);
    this.identity = null;
    this.flash(t("signOut.done"));
  }

  // ---- documents -------------------------------------------------------------------------------------------

  private get activeDoc(): OpenDocument | undefined {
    return this.docs.find((d) => d.name === this.activeName);
  }

  private isDirty(doc: OpenDocument): boolean {
    return doc.model.getAlternativeVersionId() !== doc.savedAltId;
  }

  /** Reloads the list of rule files from the registry. */
  async refreshRegistry(): Promise<void> {
    try {
      const rules = await listRules();
      this.registry = new Map(rules.map((r) => [r.name, r.version]));
      this.setOffline(false);
      this.notifications?.dismissKey("registry");
    } catch (error) {
      // A gateway or network error means no service (e.g. `vite` without the service running): work locally.
      this.setOffline(!(error instanceof ApiError) || error.status >= 500);
      if (!this.offline) this.notify("error", () => t("explorer.loadFailed", { message: errorText(error) }), "registry");
    }
  }

  /** Marks the service (un)reachable; while it is unreachable, the registry is asked again every few seconds. */
  private setOffline(offline: boolean): void {
    const wasOffline = this.offline;
    this.offline = offline;
    if (offline && this.reconnectTimer === undefined) {
      this.reconnectTimer = setInterval(() => void this.refreshRegistry(), RECONNECT_MS);
    } else if (!offline && this.reconnectTimer !== undefined) {
      clearInterval(this.reconnectTimer);
      this.reconnectTimer = undefined;
    }
    if (wasOffline && !offline) {
      this.notifications?.dismissKey("offline");
      this.flash(t("explorer.reconnected"));
    }
  }

  /** Shows an error or warning that stays until dismissed (replacing one with the same key). */
  private notify(severity: "error" | "warning", message: () => string, key?: string): void {
    void this.updateComplete.then(() => this.notifications.show({ severity, message, ...(key === undefined ? {} : { key }) }));
  }

  private explorerFiles(): ExplorerFile[] {
    const files = new Map<string, ExplorerFile>();
    for (const [name, version] of this.registry) {
      if (!this.hiddenRules.has(name)) files.set(name, { name, version, dirty: false });
    }
    for (const doc of this.docs.filter((d) => !d.readOnly)) {
      files.set(doc.name, { name: doc.name, version: doc.savedVersion ?? this.registry.get(doc.name) ?? null, dirty: this.isDirty(doc) });
    }
    return [...files.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  private createDocument(setup: MonacoSetup, name: string, source: string, savedVersion: number | null): OpenDocument {
    const { monaco } = setup;
    const { ruleUri } = modelFiles(setup);
    monaco.editor.getModel(ruleUri(name))?.dispose();
    const model = monaco.editor.createModel(source, "gavel", ruleUri(name));
    model.updateOptions({ tabSize: 2, insertSpaces: true });
    const doc: OpenDocument = { name, model, savedVersion, savedAltId: savedVersion === null ? -1 : model.getAlternativeVersionId() };
    model.onDidChangeContent(() => {
      this.editTick++;
      if (doc.name === this.activeName) this.testRun = null;
      this.scheduleDraft(doc);
    });
    return doc;
  }

  /** Opens a rule file from the registry in a tab (or switches to its tab). */
  async openFile(name: string): Promise<void> {
    if (!this.docs.some((d) => d.name === name)) {
      // The file is fetched while Monaco loads, not after: on a cold load Monaco takes seconds to start.
      const storedRule = getRule(name);
      storedRule.catch(() => undefined);
      const setup = await this.monacoReady;
      try {
        const stored = await storedRule;
        if (this.docs.some((d) => d.name === name)) return this.activate(name);
        this.docs = [...this.docs, this.createDocument(setup, name, stored.source, stored.version)];
        this.syncWorkerFiles();
      } catch (error) {
        if (!(error instanceof ApiError)) this.setOffline(true);
        this.notify("error", () => t("explorer.loadFailed", { message: errorText(error) }), `open:${name}`);
        return;
      }
    }
    this.activate(name);
  }

  /** Opens the target of "go to definition" in another file: a rule file's tab, or a read-only std file. */
  private async openResource(setup: MonacoSetup, resource: Monaco.Uri, selection?: Monaco.IRange | Monaco.IPosition): Promise<boolean> {
    const name = resource.path.replace(/^\//, "").replace(/\.gavel$/, "");
    if (resource.scheme === setup.STD_SCHEME) {
      const model = setup.monaco.editor.getModel(resource);
      if (!model) return false;
      if (!this.docs.some((d) => d.name === name)) {
        this.docs = [...this.docs, { name, model, savedVersion: null, savedAltId: model.getAlternativeVersionId(), readOnly: true }];
      }
      this.activate(name);
    } else if (resource.scheme === setup.modelFiles.ruleUri(name).scheme) {
      await this.openFile(name);
    } else {
      return false;
    }
    await this.updateComplete;
    if (selection) {
      const position = "lineNumber" in selection ? selection : { lineNumber: selection.startLineNumber, column: selection.startColumn };
      this.codeEditor.activeEditor?.setPosition(position);
      this.codeEditor.activeEditor?.revealPositionInCenter(position);
    }
    return true;
  }

  /** Shows `name` in the side with the focus (a tab click, opening a file), which makes it the active file. */
  private activate(name: string | null): void {
    const side: EditorSide = this.splitName !== null ? this.focusedSide : "left";
    if (side === "right" && name === null) return this.closeSplit();
    if (side === "right") this.splitName = name;
    else this.leftName = name;
    this.follow(name);
    const doc = this.activeDoc;
    void this.updateComplete.then(() => this.codeEditor.setSideModel(side, doc?.model ?? null, doc ? (doc.readOnly ?? false) : true));
  }

  /** Makes `name` the active file (the one of the focused side): panels, outline, history and the address follow it. */
  private follow(name: string | null): void {
    if (name !== this.activeName) {
      this.testRun = null;
      this.comparing = null;
    }
    this.activeName = name;
    const doc = this.activeDoc;
    this.analysis = doc && this.monacoSetup ? (this.monacoSetup.analyzer.analysisOf(doc.model) ?? null) : null;
    if (this.sidebar === "outline") void this.refreshSymbols();
    if (doc && !doc.readOnly) history.replaceState(null, "", `#${encodeURIComponent(doc.name)}`);
    if (this.sidebar === "history") void this.refreshVersions();
  }

  /** Focus moved to the other side of the split editor: its file becomes the active one. */
  private onEditorFocus(side: EditorSide): void {
    this.focusedSide = side;
    const name = side === "right" ? this.splitName : this.leftName;
    if (name !== this.activeName) this.follow(name);
  }

  /** Ctrl+\: opens the active file side by side (both sides edit the same model), or closes the split. */
  private toggleSplit(): void {
    if (this.splitName !== null) return this.closeSplit();
    const doc = this.activeDoc;
    if (!doc) return;
    this.splitName = doc.name;
    this.focusedSide = "right";
    void this.codeEditor.openSplit(doc.model, doc.readOnly ?? false);
  }

  /** Back to one editor, showing the left side's file. */
  private closeSplit(): void {
    if (this.splitName === null) return;
    this.splitName = null;
    this.focusedSide = "left";
    this.codeEditor.closeSplit();
    if (this.leftName !== this.activeName) this.follow(this.leftName);
  }

  /** Moves a tab to `index` in the row (drag and drop, Ctrl+Shift+PageUp/PageDown); the order is kept until reload. */
  private moveTab(name: string, index: number): void {
    const doc = this.docs.find((d) => d.name === name);
    if (!doc) return;
    const rest = this.docs.filter((d) => d !== doc);
    const to = Math.max(0, Math.min(index, rest.length));
    if (this.docs.indexOf(doc) === to) return;
    this.docs = [...rest.slice(0, to), doc, ...rest.slice(to)];
    this.flash(t("tabs.moved", { name: `${name}.gavel`, n: to + 1, total: this.docs.length }));
  }

  /** Ctrl+PageUp/PageDown: the previous or next tab, wrapping around. */
  private switchTab(step: 1 | -1): void {
    if (this.docs.length === 0) return;
    const at = this.docs.findIndex((d) => d.name === this.activeName);
    this.activate(this.docs[(at + step + this.docs.length) % this.docs.length]!.name);
  }

  private async newFile(name: string): Promise<void> {
    if (this.docs.some((d) => d.name === name) || this.registry.has(name)) return void this.openFile(name);
    const setup = await this.monacoReady;
    const doc = this.createDocument(setup, name, newRuleFileSource(name, getLocale()), null);
    this.docs = [...this.docs, doc];
    this.scheduleDraft(doc); // never stored: kept from the start
    this.activate(name);
  }

  /** Opens `name` with `text` as one undoable edit (an upload): a new unsaved tab, or the file's own tab, stored or not. */
  private async openWithText(name: string, text: string): Promise<void> {
    if (!this.docs.some((d) => d.name === name)) {
      if (this.registry.has(name)) await this.openFile(name);
      else this.docs = [...this.docs, this.createDocument(await this.monacoReady, name, "", null)];
    }
    const doc = this.docs.find((d) => d.name === name);
    if (!doc || doc.readOnly) return;
    doc.model.pushEditOperations([], [{ range: doc.model.getFullModelRange(), text }], () => null);
    this.syncWorkerFiles();
    this.activate(name);
  }

  private closeTab(name: string): void {
    const doc = this.docs.find((d) => d.name === name);
    if (!doc) return;
    if (this.isDirty(doc) && !confirm(t("confirm.closeDirty", { name: `${name}.gavel` }))) return;
    const index = this.docs.indexOf(doc);
    this.docs = this.docs.filter((d) => d !== doc);
    const next = this.docs[Math.min(index, this.docs.length - 1)]?.name ?? null;
    // A split whose right side loses its file closes; the left side shows the next file.
    if (this.splitName === name) this.closeSplit();
    if (this.leftName === name) {
      this.focusedSide = "left";
      this.activate(next);
    }
    this.dropDraft(doc.name);
    doc.model.dispose();
  }

  /** Renames a file. The registry has no rename: a stored file is copied under the new name (saved on Ctrl+S) and hidden here. */
  private async renameFile(from: string, to: string): Promise<void> {
    const setup = await this.monacoReady;
    const existing = this.docs.find((d) => d.name === from);
    const source = existing ? existing.model.getValue() : (await getRule(from)).source;
    const copy = this.createDocument(setup, to, source, null);
    if (this.registry.has(from)) {
      this.hideStored(from);
      this.flash(t("explorer.localOnly"));
    }
    this.dropDraft(from);
    this.docs = [...this.docs.filter((d) => d !== existing), copy];
    this.scheduleDraft(copy);
    existing?.model.dispose();
    this.activate(to);
  }

  /** Removes a file from the list. The registry keeps every version (no DELETE), so a stored file is only hidden here. */
  private deleteFile(name: string): void {
    if (!confirm(t("confirm.delete", { name: `${name}.gavel` }))) return;
    const doc = this.docs.find((d) => d.name === name);
    if (doc) {
      doc.savedAltId = doc.model.getAlternativeVersionId();
      this.closeTab(name);
    }
    if (this.registry.has(name)) {
      this.hideStored(name);
      this.flash(t("explorer.localOnly"));
    }
  }

  private hideStored(name: string): void {
    this.hiddenRules = new Set([...this.hiddenRules, name]);
    localStorage.setItem(HIDDEN_KEY, JSON.stringify([...this.hiddenRules]));
  }

  /** Saves the active file as a new version in the registry (Ctrl/Cmd+S), on the version its edit started from. */
  async save(): Promise<void> {
    const doc = this.activeDoc;
    if (!doc || doc.readOnly) return;
    await this.saveDocument(doc, doc.savedVersion);
  }

  /**
   * Stores the document's text only if the registry's latest version is still `base` (null: the name is still free).
   * A stale base is answered 409: nothing is overwritten, and a notification offers a diff, overwrite or merge.
   */
  private async saveDocument(doc: OpenDocument, base: number | null): Promise<void> {
    const altId = doc.model.getAlternativeVersionId();
    try {
      const stored = await putRule(doc.name, doc.model.getValue(), base);
      doc.savedVersion = stored.version;
      doc.savedAltId = altId;
      this.registry = new Map(this.registry).set(doc.name, stored.version);
      if (this.hiddenRules.has(doc.name)) {
        this.hiddenRules = new Set([...this.hiddenRules].filter((n) => n !== doc.name));
        localStorage.setItem(HIDDEN_KEY, JSON.stringify([...this.hiddenRules]));
      }
      this.notifications.dismissKey(`save:${doc.name}`);
      if (!this.isDirty(doc)) this.dropDraft(doc.name);
      else this.scheduleDraft(doc);
      if (this.merging === doc.name) {
        this.merging = null;
        this.codeEditor.closeDiff();
      }
      this.editTick++;
      this.syncWorkerFiles();
      if (this.sidebar === "history") void this.refreshVersions();
      this.flash(t("save.ok", { name: `${doc.name}.gavel`, v: stored.version }));
    } catch (error) {
      const key = `save:${doc.name}`;
      if (error instanceof VersionConflictError) {
        this.offerConflictResolution(doc, base, error);
      } else if (error instanceof ApiError && error.status === 401) {
        // No token, or one the service no longer accepts: sign in, then Ctrl+S again (the edit is kept meanwhile).
        const expired = getToken() !== "";
        if (expired) setToken("");
        this.identity = null;
        void this.openSignIn(expired ? "expired" : "save");
      } else if (error instanceof ApiError && error.status === 403) {
        const role = this.identity?.role;
        this.notify("error", () => t("save.forbidden", { role: role ? t(`role.${role}`) : error.message }), key);
      } else if (error instanceof ApiError && error.status === 422) {
        const first = error.diagnostics[0];
        this.notify("error", () => (first ? `${t("save.invalid")} ${first.span.line}:${first.span.column} ${first.message}` : `${t("save.invalid")} ${error.message}`), key);
        this.showPanel("problems");
      } else {
        if (!(error instanceof ApiError)) this.setOffline(true);
        this.notify("error", () => t("save.failed", { message: errorText(error) }), key);
      }
    }
  }

  /** The conflict notification: compare with the newer version, overwrite it, or merge in the diff editor. */
  private offerConflictResolution(doc: OpenDocument, base: number | null, conflict: VersionConflictError): void {
    const current = conflict.current;
    const file = `${doc.name}.gavel`;
    const by = () => (conflict.author ? t("conflict.by", { author: conflict.author }) : "");
    this.notifications.show({
      severity: "warning",
      key: `save:${doc.name}`,
      message: () => (base === null ? t("conflict.messageNew", { name: file, current, by: by() }) : t("conflict.message", { name: file, current, base, by: by() })),
      actions: [
        { id: "conflict-diff", label: () => t("conflict.diff", { current }), keepOpen: true, run: () => void this.showConflict(doc, current, false) },
        { id: "conflict-overwrite", label: () => t("conflict.overwrite"), run: () => void this.saveDocument(doc, current) },
        { id: "conflict-merge", label: () => t("conflict.merge"), primary: true, run: () => void this.showConflict(doc, current, true) },
      ],
    });
  }

  /**
   * The newer version (left) against the user's text (right). Comparing shows a read-only snapshot; merging edits
   * the working copy itself and rebases it on the newer version, so the next save is conditional on that one.
   */
  private async showConflict(doc: OpenDocument, current: number, merge: boolean): Promise<void> {
    let newer: string;
    try {
      newer = (await getRule(doc.name, current)).source;
    } catch (error) {
      this.notify("error", () => t("save.failed", { message: errorText(error) }), `open:${doc.name}`);
      return;
    }
    if (this.activeName !== doc.name) this.activate(doc.name);
    await this.updateComplete;
    const file = `${doc.name}.gavel`;
    if (merge) {
      doc.savedVersion = current;
      this.merging = doc.name;
      this.scheduleDraft(doc);
      this.codeEditor.showDiff(newer, doc.model, () => t("conflict.mergeTitle", { name: file, current }));
      this.notifications.dismissKey(`save:${doc.name}`);
    } else {
      this.codeEditor.showDiff(newer, doc.model.getValue(), () => t("conflict.diffTitle", { name: file, current }));
    }
  }

  // ---- drafts ------------------------------------------------------------------------------------------------

  /** Writes the document's unsaved text to IndexedDB shortly after the last edit (or forgets it once clean again). */
  private scheduleDraft(doc: OpenDocument): void {
    if (doc.readOnly) return;
    clearTimeout(this.draftTimers.get(doc.name));
    this.draftTimers.set(doc.name, setTimeout(() => this.writeDraft(doc), DRAFT_DELAY_MS));
  }

  private writeDraft(doc: OpenDocument): void {
    this.draftTimers.delete(doc.name);
    if (doc.model.isDisposed() || !this.docs.includes(doc)) return;
    const write = this.isDirty(doc)
      ? saveDraft({ name: doc.name, text: doc.model.getValue(), baseVersion: doc.savedVersion, savedAt: new Date().toISOString() })
      : deleteDraft(doc.name);
    // Its own key: a failed write must not replace the offer of drafts kept earlier.
    write.catch((error: unknown) => this.notify("error", () => errorText(error), "draft-write"));
  }

  /** Writes every pending draft now: the page is going away. */
  private readonly flushDrafts = (): void => {
    for (const doc of this.docs) if (this.draftTimers.has(doc.name)) {
      clearTimeout(this.draftTimers.get(doc.name));
      this.writeDraft(doc);
    }
  };

  private dropDraft(name: string): void {
    clearTimeout(this.draftTimers.get(name));
    this.draftTimers.delete(name);
    void deleteDraft(name).catch(() => undefined);
  }

  /** After a reload or a crash: offers back the unsaved changes kept in this browser. */
  private async offerDrafts(): Promise<void> {
    let drafts: Draft[];
    try {
      drafts = await listDrafts();
    } catch {
      return; // no IndexedDB (e.g. a private window that refuses it): nothing was kept
    }
    await this.offerDraftList(drafts);
  }

  private async offerDraftList(drafts: Draft[]): Promise<void> {
    if (drafts.length === 0) return;
    await this.updateComplete;
    this.notifications.show({
      severity: "warning",
      key: "drafts",
      message: () => t("draft.found", { files: drafts.map((d) => `${d.name}.gavel`).join(", ") }),
      actions: [
        { id: "draft-discard", label: () => t("draft.discard"), run: () => drafts.forEach((d) => this.dropDraft(d.name)) },
        { id: "draft-restore", label: () => t("draft.restore"), primary: true, run: () => void this.restoreDrafts(drafts) },
      ],
    });
  }

  /**
   * Opens each draft on the version it started from, with the draft's text as one undoable edit: the tab shows
   * unsaved changes, and saving is conditional on that version, so a newer one stored meanwhile is a conflict.
   */
  private async restoreDrafts(drafts: Draft[]): Promise<void> {
    const setup = await this.monacoReady;
    for (const draft of drafts) {
      let base = "";
      if (draft.baseVersion !== null) {
        try {
          base = (await getRule(draft.name, draft.baseVersion)).source;
        } catch {
          base = draft.text; // unreachable: keep the text; the tab still counts as unsaved
        }
      }
      const existing = this.docs.find((d) => d.name === draft.name);
      const doc = this.createDocument(setup, draft.name, base, draft.baseVersion);
      if (draft.baseVersion !== null && base === draft.text) doc.savedAltId = -1;
      this.docs = [...this.docs.filter((d) => d !== existing), doc];
      doc.model.pushEditOperations([], [{ range: doc.model.getFullModelRange(), text: draft.text }], () => null);
      this.activate(draft.name);
    }
    this.syncWorkerFiles();
    const last = drafts.at(-1);
    if (last) this.flash(t("draft.restored", { name: `${last.name}.gavel` }));
  }

  /** Gives the worker the open files' text so `import "other.gavel"` resolves to what the user sees. */
  private syncWorkerFiles(): void {
    const files = Object.fromEntries(this.docs.map((d) => [`${d.name}.gavel`, d.model.getValue()]));
    void languageClient.request("setFiles", { files });
  }

  // ---- language results --------------------------------------------------------------------------------------

  private onAnalysis(model: Monaco.editor.ITextModel, analysis: Analysis): void {
    if (this.activeDoc?.model !== model) return;
    this.analysis = analysis;
    if (this.sidebar === "outline") void this.refreshSymbols();
  }

  private async refreshSymbols(): Promise<void> {
    const doc = this.activeDoc;
    if (!doc) return void (this.symbols = []);
    const symbols = await languageClient.request("symbols", { source: doc.model.getValue() });
    if (doc === this.activeDoc) this.symbols = symbols;
  }

  private get errorCount(): number {
    return this.analysis?.diagnostics.filter((d) => d.severity === "error").length ?? 0;
  }

  /** Runs the active file's tests (or only the one named `only`) and shows them in the Tests panel. */
  private async runTests(only?: string): Promise<void> {
    const doc = this.activeDoc;
    if (!doc) return;
    this.showPanel("tests");
    if (this.errorCount > 0) return; // the Tests panel says to fix the errors first
    this.testsRunning = true;
    try {
      this.testRun = await languageClient.request("runTests", { file: `${doc.name}.gavel`, source: doc.model.getValue(), ...(only === undefined ? {} : { only }) });
    } finally {
      this.testsRunning = false;
    }
  }

  /** Opens Try it on one rule of the active file. */
  private tryRule(rule: string): void {
    this.showPanel("try");
    void this.updateComplete.then(() => this.querySelector<TryView>("gavel-try")?.select(rule));
  }

  private readonly evaluator = (rule: string, input: Record<string, unknown>) => {
    const doc = this.activeDoc!;
    return languageClient.request("evaluate", { file: `${doc.name}.gavel`, source: doc.model.getValue(), rule, input });
  };

  private readonly lineFinder = (rule: string, input: Record<string, unknown>): Promise<VoteLines> => {
    const doc = this.activeDoc!;
    return languageClient.request("voteLines", { file: `${doc.name}.gavel`, source: doc.model.getValue(), rule, input });
  };

  private readonly tableFinder = (rule: string, from: number, to: number): Promise<ThresholdRow[] | null> => {
    const doc = this.activeDoc;
    if (!doc) return Promise.resolve(null);
    return languageClient.request("thresholdTable", { file: `${doc.name}.gavel`, source: doc.model.getValue(), rule, from, to });
  };

  /** Moves the cursor to a span of the active file and focuses the editor. */
  private revealSpan(span: Pick<Span, "line" | "column"> & Partial<Span>): void {
    const editor = this.codeEditor?.activeEditor;
    const model = this.activeDoc?.model;
    if (!editor || !model) return;
    this.codeEditor.closeDiff();
    const position = span.offset !== undefined ? model.getPositionAt(span.offset) : { lineNumber: span.line, column: span.column };
    editor.setPosition(position);
    editor.revealPositionInCenter(position);
    editor.focus();
  }

  // ---- history -----------------------------------------------------------------------------------------------

  private async compareVersion(version: number): Promise<void> {
    const doc = this.activeDoc;
    if (!doc) return;
    const stored = await getRule(doc.name, version);
    this.comparing = version;
    this.codeEditor.showDiff(stored.source, doc.model, () => t("history.diffTitle", { name: `${doc.name}.gavel`, v: version }));
    const model = doc.model;
    this.comparison = { file: `${doc.name}.gavel`, before: { label: () => t("history.version", { v: version }), source: stored.source }, after: { label: () => t("diff.editor"), source: () => model.getValue() } };
  }

  /** What changed in `version`: the version before it against it, both read-only. */
  private async compareWithPrevious(version: number): Promise<void> {
    const doc = this.activeDoc;
    if (!doc || version < 2) return;
    const [before, after] = await Promise.all([getRule(doc.name, version - 1), getRule(doc.name, version)]);
    this.comparing = version;
    this.codeEditor.showDiff(before.source, after.source, () => t("history.diffVersions", { name: `${doc.name}.gavel`, p: version - 1, v: version }));
    const label = (v: number) => () => t("history.version", { v });
    this.comparison = { file: `${doc.name}.gavel`, before: { label: label(version - 1), source: before.source }, after: { label: label(version), source: () => after.source } };
  }

  // ---- chrome ------------------------------------------------------------------------------------------------

  private flash(message: string): void {
    this.message = message;
    clearTimeout(this.messageTimer);
    this.messageTimer = setTimeout(() => (this.message = ""), 8000);
  }

  private showPanel(view: PanelView): void {
    this.panel = view;
    this.panelExpanded = true;
  }

  private selectView(view: SidebarView | "settings"): void {
    if (view === "settings") return void this.settingsDialog.open();
    this.sidebar = this.sidebar === view ? null : view;
    if (this.sidebar === "outline") void this.refreshSymbols();
    if (this.sidebar === "history") void this.refreshVersions();
  }

  private async refreshVersions(): Promise<void> {
    const doc = this.activeDoc;
    if (!doc || doc.readOnly || !this.registry.has(doc.name)) return void (this.versions = []);
    try {
      const stored = await getRule(doc.name);
      if (doc === this.activeDoc) this.versions = stored.versions;
    } catch {
      this.versions = [];
    }
  }

  private toggleTheme(): void {
    setTheme(isDarkTheme(getTheme()) ? "light" : "dark");
  }

  private toggleLocale(): void {
    setLocale(getLocale() === "en" ? "zh-CN" : "en");
  }

  /** The tallest the bottom panel may be: the editor keeps at least its tabs, breadcrumbs and a few lines. */
  private panelMaxHeight(): number {
    const main = this.querySelector<HTMLElement>(".main");
    return Math.max(PANEL_MIN_HEIGHT, (main?.clientHeight ?? window.innerHeight) - 158);
  }

  private setPanelHeight(height: number): void {
    const px = Math.round(Math.max(PANEL_MIN_HEIGHT, Math.min(height, this.panelMaxHeight())));
    this.style.setProperty("--panel-height", `${px}px`);
    localStorage.setItem(PANEL_HEIGHT_KEY, String(px));
  }

  private measurePanel(): void {
    const panel = this.querySelector<HTMLElement>("gavel-bottom-panel");
    const max = Math.round(this.panelMaxHeight());
    const now = Math.min(max, Math.max(PANEL_MIN_HEIGHT, Math.round(panel?.getBoundingClientRect().height ?? 0)));
    if (now !== this.panelSize.now || max !== this.panelSize.max) this.panelSize = { now, max };
  }

  private readonly startPanelResize = (event: PointerEvent): void => {
    const sash = event.currentTarget as HTMLElement;
    const panel = this.querySelector<HTMLElement>("gavel-bottom-panel")!;
    const startY = event.clientY;
    const startHeight = panel.getBoundingClientRect().height;
    sash.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent) => this.setPanelHeight(startHeight + startY - e.clientY);
    const up = () => {
      sash.removeEventListener("pointermove", move);
      sash.removeEventListener("pointerup", up);
    };
    sash.addEventListener("pointermove", move);
    sash.addEventListener("pointerup", up);
  };

  private readonly onSashKey = (event: KeyboardEvent): void => {
    if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
    event.preventDefault();
    const height = this.querySelector<HTMLElement>("gavel-bottom-panel")!.getBoundingClientRect().height;
    this.setPanelHeight(height + (event.key === "ArrowUp" ? 20 : -20));
  };

  private readonly onGlobalKey = (event: KeyboardEvent): void => {
    if (this.files.onKey(event)) return;
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.shiftKey && event.key.toLowerCase() === "s") {
      event.preventDefault();
      event.stopPropagation();
      void this.save();
    } else if (mod && event.shiftKey && event.key.toLowerCase() === "p") {
      event.preventDefault();
      event.stopPropagation();
      this.openCommandPalette();
    } else if (mod && event.key === "`") {
      event.preventDefault();
      this.panelExpanded = !this.panelExpanded;
    } else if (mod && !event.shiftKey && !event.altKey && event.code === "Backslash") {
      event.preventDefault();
      event.stopPropagation();
      this.toggleSplit();
    } else if (event.ctrlKey && (event.key === "PageUp" || event.key === "PageDown")) {
      // A focused tab moves itself (gavel-tabs handles it); elsewhere these act on the active tab.
      if (event.shiftKey && event.composedPath().some((node) => node instanceof HTMLElement && node.localName === "gavel-tabs")) return;
      event.preventDefault();
      event.stopPropagation();
      const step = event.key === "PageUp" ? -1 : 1;
      if (!event.shiftKey) this.switchTab(step);
      else if (this.activeName !== null) this.moveTab(this.activeName, this.docs.findIndex((d) => d.name === this.activeName) + step);
    } else if (event.key === "F1" && !this.codeEditor?.editors.some((e) => e.hasTextFocus())) {
      // Inside the editor Monaco handles F1 itself; elsewhere (the welcome screen, a panel) it is ours.
      event.preventDefault();
      event.stopPropagation();
      this.openCommandPalette();
    } else if (event.key === "F6") {
      event.preventDefault();
      this.focusNextPart(event.shiftKey ? -1 : 1);
    }
  };

  /** F6 / Shift+F6 move the focus between the parts of the workbench, as in VS Code. */
  private focusNextPart(step: 1 | -1): void {
    const inside = (host: Element | null) => (host?.shadowRoot ?? host) as ParentNode | null;
    const parts: { host: Element | null; focus: () => boolean }[] = [
      { host: this.querySelector("gavel-activity-bar"), focus: () => focusFirst(inside(this.querySelector("gavel-activity-bar")), "button") },
      { host: this.querySelector(".sidebar"), focus: () => focusFirst(inside(this.querySelector(".sidebar > *")), "[aria-selected=true]", "li[tabindex='0'], [tabindex='0']", "button") },
      { host: this.querySelector("gavel-code-editor"), focus: () => (this.activeDoc && this.codeEditor.activeEditor ? (this.codeEditor.activeEditor.focus(), true) : false) },
      { host: this.querySelector("gavel-bottom-panel"), focus: () => focusFirst(inside(this.querySelector("gavel-bottom-panel")), "[role=tab][aria-selected=true]") },
      { host: this.querySelector("gavel-status-bar"), focus: () => focusFirst(inside(this.querySelector("gavel-status-bar")), "button") },
    ];
    const active = document.activeElement;
    const current = parts.findIndex((p) => p.host !== null && (p.host === active || p.host.contains(active)));
    for (let n = 1; n <= parts.length; n++) {
      if (parts[(current + step * n + parts.length * 2) % parts.length]!.focus()) return;
    }
  }

  private openCommandPalette(): void {
    this.codeEditor?.openCommandPalette();
  }

  /** Workbench commands in Monaco's command palette (F1) of every editor, re-registered when the UI language changes. */
  private registerActions(): void {
    const setup = this.monacoSetup;
    if (!setup || !this.codeEditor) return;
    const { KeyMod, KeyCode } = setup.monaco;
    for (const action of this.actions) action.dispose();
    this.actions = this.codeEditor.editors.flatMap((editor) => this.editorActions(editor, KeyMod, KeyCode));
  }

  private editorActions(editor: Monaco.editor.IStandaloneCodeEditor, KeyMod: typeof Monaco.KeyMod, KeyCode: typeof Monaco.KeyCode): Monaco.IDisposable[] {
    const command = (id: string, label: string, run: () => void, keybindings?: number[]) =>
      editor.addAction({ id: `gavel.${id}`, label, run, ...(keybindings ? { keybindings } : {}) });
    return [
      command("save", t("cmd.save"), () => void this.save(), [KeyMod.CtrlCmd | KeyCode.KeyS]),
      command("runTests", t("cmd.runTests"), () => void this.runTests()),
      command("try", t("cmd.try"), () => this.showPanel("try")),
      command("problems", t("cmd.problems"), () => this.showPanel("problems"), [KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.KeyM]),
      command("new", t("cmd.new"), () => {
        this.sidebar = "explorer";
        void this.updateComplete.then(() => this.explorer?.startNewFile());
      }),
      command("history", t("cmd.history"), () => (this.sidebar = "history")),
      command("theme", t("cmd.theme"), () => this.toggleTheme()),
      command("locale", t("cmd.locale"), () => this.toggleLocale()),
      command("settings", t("cmd.settings"), () => void this.settingsDialog.open()),
      command("signIn", t("cmd.signIn"), () => void this.openSignIn("welcome")),
      command("signOut", t("cmd.signOut"), () => this.signOut()),
      command("togglePanel", t("cmd.togglePanel"), () => (this.panelExpanded = !this.panelExpanded)),
      command("quickOpen", t("cmd.quickOpen"), () => this.files.quickOpen(), [KeyMod.CtrlCmd | KeyCode.KeyP]),
      command("search", t("cmd.search"), () => void this.files.search(), [KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.KeyF]),
      command("upload", t("cmd.upload"), () => this.files.chooseUploads()),
      command("download", t("cmd.download"), () => void this.files.download()),
      // One palette entry for the split (it toggles); moving tabs is Ctrl+Shift+PageUp/PageDown.
      command("split", t("cmd.split"), () => this.toggleSplit(), [KeyMod.CtrlCmd | KeyCode.Backslash]),
    ];
  }

  private sidebarContent() {
    const doc = this.activeDoc;
    switch (this.sidebar) {
      case "explorer":
        return html`<gavel-explorer
          .files=${this.explorerFiles()}
          .activeName=${this.activeName}
          ?offline=${this.offline}
          @open-file=${(e: CustomEvent<string>) => void this.openFile(e.detail)}
          @new-file=${(e: CustomEvent<string>) => void this.newFile(e.detail)}
          @rename-file=${(e: CustomEvent<{ from: string; to: string }>) => void this.renameFile(e.detail.from, e.detail.to)}
          @delete-file=${(e: CustomEvent<string>) => this.deleteFile(e.detail)}
          @refresh=${() => void this.refreshRegistry()}
          @upload-files=${() => this.files.chooseUploads()}
          @download-file=${(e: CustomEvent<string>) => void this.files.download(e.detail)}
        ></gavel-explorer>`;
      case "search":
        return html`<gavel-search .sources=${this.files.searchSources}
          @open-match=${(e: CustomEvent<SearchMatchTarget>) => void this.files.revealMatch(e.detail)}></gavel-search>`;
      case "outline":
        return html`<gavel-outline .symbols=${this.symbols}></gavel-outline>`;
      case "history":
        return html`<gavel-history
          .name=${doc?.name ?? null}
          .latest=${doc ? (this.registry.get(doc.name) ?? doc.savedVersion) : null}
          .versions=${this.versions}
          .comparing=${this.comparing}
          .comparison=${this.comparison}
          .differ=${this.differ}
          @compare-version=${(e: CustomEvent<number>) => void this.compareVersion(e.detail)}
          @compare-previous=${(e: CustomEvent<number>) => void this.compareWithPrevious(e.detail)}
        ></gavel-history>`;
      case "meetings":
        return html`<gavel-meetings></gavel-meetings>`;
      default:
        return nothing;
    }
  }

  private panelContent() {
    const doc = this.activeDoc;
    const diagnostics = this.analysis?.diagnostics ?? [];
    switch (this.panel) {
      case "problems":
        return html`<gavel-problems .diagnostics=${diagnostics} .file=${doc ? `${doc.name}.gavel` : ""}></gavel-problems>`;
      case "tests":
        return html`<gavel-tests .run=${this.testRun} .count=${this.analysis?.tests.length ?? 0} ?blocked=${this.errorCount > 0}
          ?running=${this.testsRunning} @run-tests=${() => void this.runTests()}></gavel-tests>`;
      case "try":
        return html`<gavel-try .rules=${this.analysis?.rules ?? []} ?blocked=${this.errorCount > 0}
          .evaluator=${this.evaluator} .lineFinder=${this.lineFinder} .tableFinder=${this.tableFinder}></gavel-try>`;
    }
  }

  /** The symbols around the cursor of the active side, from the last analysis of its file. */
  private breadcrumbPath(): DocumentSymbol[] {
    const model = this.activeDoc?.model;
    const symbols = this.analysis?.symbols;
    if (!model || !symbols || model.isDisposed()) return [];
    return symbolPathAt(symbols, model.getOffsetAt({ lineNumber: this.cursor.line, column: this.cursor.column }));
  }

  protected override updated(): void {
    this.classList.toggle("sidebar-hidden", this.sidebar === null);
    // The meetings view shows charts: it gets a wider sidebar than the file lists.
    this.classList.toggle("wide-sidebar", this.sidebar === "meetings");
    // History with "What changes" beside an open diff needs room for its tables.
    this.classList.toggle("history-sidebar", this.sidebar === "history" && this.comparison !== null);
    const panel = this.querySelector("gavel-bottom-panel");
    if (panel !== this.observedPanel) {
      if (this.observedPanel) this.panelObserver.unobserve(this.observedPanel);
      if (panel) this.panelObserver.observe(panel);
      this.observedPanel = panel;
    }
  }

  override render() {
    void this.editTick;
    const doc = this.activeDoc;
    const diagnostics = this.analysis?.diagnostics ?? [];
    const warnings = diagnostics.filter((d) => d.severity === "warning").length;
    // With no file open the panel has nothing to show: it shrinks to its tab row and gives the welcome page the room,
    // and gets its height back (the one the sash set) with the next file.
    const panelOpen = this.panelExpanded && this.docs.length > 0;
    return html`
      <gavel-activity-bar .active=${this.sidebar} @select-view=${(e: CustomEvent<SidebarView | "settings">) => this.selectView(e.detail)}></gavel-activity-bar>
      <aside class="sidebar" aria-label=${this.sidebar ? t(`activity.${this.sidebar}`) : ""}>${this.sidebarContent()}</aside>
      <main class="main ${panelOpen ? "" : "panel-collapsed"} ${this.docs.length ? "" : "no-tabs"}">
        <gavel-tabs
          .tabs=${this.docs.map((d) => ({ name: d.name, dirty: this.isDirty(d) }))}
          .active=${this.activeName}
          .other=${this.splitName === null ? null : this.focusedSide === "right" ? this.leftName : this.splitName}
          ?split=${this.splitName !== null}
          @activate-tab=${(e: CustomEvent<string>) => this.activate(e.detail)}
          @close-tab=${(e: CustomEvent<string>) => this.closeTab(e.detail)}
          @move-tab=${(e: CustomEvent<{ name: string; index: number }>) => this.moveTab(e.detail.name, e.detail.index)}
          @toggle-split=${() => this.toggleSplit()}
        ></gavel-tabs>
        <gavel-breadcrumbs .file=${doc ? `${doc.name}.gavel` : ""} .path=${this.breadcrumbPath()}></gavel-breadcrumbs>
        <gavel-code-editor
          .monaco=${this.monacoSetup?.monaco ?? null}
          @cursor-change=${(e: CustomEvent<{ line: number; column: number }>) => (this.cursor = e.detail)}
          @editor-focus=${(e: CustomEvent<EditorSide>) => this.onEditorFocus(e.detail)}
          @editor-ready=${() => this.registerActions()}
          @diff-closed=${() => {
            this.comparing = null;
            this.comparison = null;
            this.merging = null;
          }}
        ></gavel-code-editor>
        ${panelOpen
          ? html`<div class="panel-sash" role="separator" aria-orientation="horizontal" tabindex="0" aria-label=${t("panel.resize")}
              aria-valuenow=${this.panelSize.now} aria-valuemin=${PANEL_MIN_HEIGHT} aria-valuemax=${this.panelSize.max}
              @pointerdown=${this.startPanelResize} @keydown=${this.onSashKey}></div>`
          : nothing}
        <gavel-bottom-panel
          .active=${this.panel}
          .problemCount=${diagnostics.length}
          ?collapsed=${!this.panelExpanded}
          ?empty=${this.docs.length === 0}
          @select-panel=${(e: CustomEvent<PanelView>) => this.showPanel(e.detail)}
          @toggle-panel=${() => (this.panelExpanded = !this.panelExpanded)}
        >${panelOpen ? this.panelContent() : nothing}</gavel-bottom-panel>
      </main>
      <gavel-status-bar
        ?hasFile=${doc !== undefined}
        .line=${this.cursor.line}
        .column=${this.cursor.column}
        .errors=${this.errorCount}
        .warnings=${warnings}
        .savedVersion=${doc ? doc.savedVersion : null}
        ?dirty=${doc ? this.isDirty(doc) : false}
        .message=${this.message}
        .identity=${this.identity}
        ?reloadForLocale=${this.monacoSetup !== null && getLocale() !== this.monacoLocale}
        @reload-locale=${() => void this.reloadKeepingWork()}
        @show-problems=${() => this.showPanel("problems")}
        @show-history=${() => this.sidebar !== "history" && this.selectView("history")}
        @toggle-locale=${() => this.toggleLocale()}
        @toggle-theme=${() => this.toggleTheme()}
        @open-sign-in=${() => void this.openSignIn("welcome")}
        @sign-out=${() => this.signOut()}
      ></gavel-status-bar>
      <gavel-settings-dialog .identity=${this.identity} @open-sign-in=${() => void this.openSignIn("welcome")}
        @sign-out=${() => this.signOut()}></gavel-settings-dialog>
      <gavel-sign-in-dialog @signed-in=${(e: CustomEvent<Identity>) => this.onSignedIn(e.detail)}
        @sign-in-later=${() => deferSignIn(true)}></gavel-sign-in-dialog>
      <gavel-notifications></gavel-notifications>
      <gavel-quick-open @open-file=${(e: CustomEvent<string>) => void this.openFile(e.detail)}></gavel-quick-open>
    `;
  }
}

/** Focuses the first element under `root` matching the first selector that matches anything; false when none does. */
function focusFirst(root: ParentNode | null, ...selectors: string[]): boolean {
  for (const selector of selectors) {
    const target = root?.querySelector<HTMLElement>(selector);
    if (target) {
      target.focus();
      return true;
    }
  }
  return false;
}

/** The model-file helpers travel with the lazily loaded Monaco chunk. */
function modelFiles(setup: MonacoSetup) {
  return setup.modelFiles;
}
