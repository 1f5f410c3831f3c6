/**
 * The Search view (Ctrl+Shift+F), as in VS Code: a query with Match Case, Match Whole Word and Regular Expression
 * toggles, searched as you type across every rule file; results grouped by file, each line with its match marked;
 * a click (or Enter) opens the file with the match selected.
 */

import { LitElement, css, html, nothing } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import { t } from "../i18n";
import { compileQuery, findMatches, type LineMatch, type SearchQuery } from "../text-search";
import { LocaleController } from "./locale-controller";
import { sharedStyles } from "./shared-styles";

/** The text a search reads: every rule file (stored, or an open tab's unsaved text), and those that could not be read. */
export interface SearchSources {
  files: { name: string; text: string; dirty: boolean }[];
  failed: string[];
}

/** Where a chosen result is: opened with the match selected. */
export interface SearchMatchTarget {
  name: string;
  line: number;
  column: number;
  length: number;
}

interface FileResult {
  name: string;
  dirty: boolean;
  matches: LineMatch[];
}

interface SearchState {
  query: SearchQuery;
  results: FileResult[] | null;
  total: number;
  truncated: boolean;
  failed: string[];
  error: string | null;
  collapsed: Set<string>;
}

/** More results than this are not drawn: the summary asks for a narrower query instead. */
const MAX_RESULTS = 2000;
/** Typing pauses this long before a search runs. */
const TYPING_DELAY_MS = 200;
/** Characters kept before a match in its line's preview. */
const PREVIEW_LEAD = 10;

/** The view is recreated whenever the sidebar switches views; the query and its results outlive it, as in VS Code. */
let kept: SearchState = {
  query: { text: "", matchCase: false, wholeWord: false, regex: false },
  results: null,
  total: 0,
  truncated: false,
  failed: [],
  error: null,
  collapsed: new Set(),
};

@customElement("gavel-search")
export class SearchView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      .query { display: flex; gap: 2px; padding: 0 8px 0 20px; align-items: center; }
      .query input { flex: 1; min-width: 0; height: 26px; }
      .query button { font-family: var(--mono-font); font-size: 12px; min-width: 26px; height: 24px; border-color: transparent; }
      /* The glyph is drawn, not text: the button's name is its label (axe: a visible "ab" must be in the name). */
      .query button[data-glyph]::before { content: attr(data-glyph); }
      .query button[aria-pressed="true"] { border-color: var(--focus); background: var(--selection-bg); }
      .note { padding: 6px 12px 6px 20px; font-size: 12px; }
      [role="treeitem"] { display: flex; gap: 6px; align-items: center; height: 22px; cursor: pointer; white-space: nowrap; overflow: hidden; }
      [role="treeitem"]:hover { background: var(--hover-bg); }
      .file { padding-left: 12px; font-weight: 600; }
      .file .count { margin-left: auto; margin-right: 8px; font-weight: 400; font-size: 11px; color: var(--muted); }
      .twisty { width: 12px; display: inline-block; text-align: center; color: var(--muted); }
      .match { padding-left: 38px; font-family: var(--mono-font); font-size: 12px; }
      .match .ln { color: var(--muted); min-width: 2.5em; text-align: right; }
      .match .text { overflow: hidden; text-overflow: ellipsis; }
      mark { background: var(--search-match-bg, rgba(234, 92, 0, 0.33)); color: inherit; border-radius: 2px; }
      .dot { width: 8px; height: 8px; border-radius: 50%; background: var(--fg); opacity: 0.7; }
    `,
  ];

  /** Reads the text of every rule file (once per version; open tabs as edited). */
  @property({ attribute: false }) sources: (() => Promise<SearchSources>) | null = null;
  @state() private state: SearchState = kept;
  @state() private searching = false;
  /** Index (among the visible rows) of the row holding the results tree's one Tab stop. */
  @state() private current = 0;
  @query("input") private input?: HTMLInputElement;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private run = 0;
  private readonly locale = new LocaleController(this);

  /** Focuses the query box (selecting its text); with `text`, searches for it first, as Ctrl+Shift+F on a selection does. */
  focusQuery(text?: string): void {
    if (text !== undefined && text !== "" && text !== this.state.query.text) this.setQuery({ ...this.state.query, text }, 0);
    void this.updateComplete.then(() => this.input?.select());
  }

  /** Runs the current query again (files may have changed). */
  refresh(): void {
    this.setQuery(this.state.query, 0);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Coming back to the view: files may have changed meanwhile.
    if (kept.query.text !== "") this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private keep(next: Partial<SearchState>): void {
    this.state = kept = { ...this.state, ...next };
  }

  private setQuery(query: SearchQuery, delay: number): void {
    this.keep({ query });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(), delay);
  }

  private async search(): Promise<void> {
    const run = ++this.run;
    const query = this.state.query;
    if (query.text === "") return this.keep({ results: null, total: 0, truncated: false, failed: [], error: null });
    const compiled = compileQuery(query);
    if (!compiled.ok) return this.keep({ results: null, total: 0, truncated: false, error: compiled.message });
    if (!this.sources) return;
    this.searching = true;
    try {
      const { files, failed } = await this.sources();
      if (run !== this.run) return;
      const results: FileResult[] = [];
      let total = 0;
      for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
        const matches = findMatches(file.text, compiled.pattern, MAX_RESULTS + 1 - total);
        if (matches.length === 0) continue;
        total += matches.length;
        results.push({ name: file.name, dirty: file.dirty, matches });
        if (total > MAX_RESULTS) break;
      }
      const truncated = total > MAX_RESULTS;
      if (truncated) results.at(-1)!.matches.pop();
      this.current = 0;
      this.keep({ results, total: Math.min(total, MAX_RESULTS), truncated, failed, error: null });
    } finally {
      if (run === this.run) this.searching = false;
    }
  }

  private toggle(option: "matchCase" | "wholeWord" | "regex"): void {
    this.setQuery({ ...this.state.query, [option]: !this.state.query[option] }, 0);
  }

  private onViewKey = (event: KeyboardEvent): void => {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    const option = ({ KeyC: "matchCase", KeyW: "wholeWord", KeyR: "regex" } as const)[event.code];
    if (!option) return;
    event.preventDefault();
    this.toggle(option);
  };

  private openMatch(name: string, match: LineMatch): void {
    const detail: SearchMatchTarget = { name, line: match.line, column: match.column, length: match.length };
    this.dispatchEvent(new CustomEvent("open-match", { detail, bubbles: true, composed: true }));
  }

  private toggleFile(name: string, collapse?: boolean): void {
    const collapsed = new Set(this.state.collapsed);
    if (collapse ?? !collapsed.has(name)) collapsed.add(name);
    else collapsed.delete(name);
    this.keep({ collapsed });
  }

  private onRowKey(event: KeyboardEvent, index: number, count: number, row: Row): void {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      if (row.match) this.openMatch(row.file.name, row.match);
      else this.toggleFile(row.file.name);
      return;
    }
    if (!row.match && (event.key === "ArrowLeft" || event.key === "ArrowRight")) {
      event.preventDefault();
      return this.toggleFile(row.file.name, event.key === "ArrowLeft");
    }
    const target = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: count - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    this.current = Math.max(0, Math.min(count - 1, target));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>("[role=treeitem][tabindex='0']")?.focus());
  }

  private rows(): Row[] {
    const rows: Row[] = [];
    for (const file of this.state.results ?? []) {
      rows.push({ file, match: null });
      if (!this.state.collapsed.has(file.name)) for (const match of file.matches) rows.push({ file, match });
    }
    return rows;
  }

  private preview(match: LineMatch) {
    const start = match.column - 1;
    const from = start > PREVIEW_LEAD + 4 ? start - PREVIEW_LEAD : 0;
    const before = match.lineText.slice(from, start);
    return html`${from > 0 ? "…" : ""}${from === 0 ? before.trimStart() : before}<mark>${match.lineText.slice(start, start + match.length)}</mark>${match.lineText.slice(start + match.length, start + match.length + 200)}`;
  }

  private row(row: Row, index: number, count: number, current: number) {
    const common = {
      tabindex: index === current ? 0 : -1,
      key: (e: KeyboardEvent) => this.onRowKey(e, index, count, row),
    };
    if (!row.match) {
      const expanded = !this.state.collapsed.has(row.file.name);
      return html`<li role="treeitem" class="file" aria-level="1" aria-expanded=${String(expanded)} data-file=${row.file.name}
        tabindex=${common.tabindex} @keydown=${common.key}
        @click=${() => { this.current = index; this.toggleFile(row.file.name); }}>
        <span class="twisty" aria-hidden="true">${expanded ? "▾" : "▸"}</span>
        <span>${row.file.name}.gavel</span>
        ${row.file.dirty ? html`<span class="dot" title=${t("tabs.unsaved")}><span class="sr-only">${t("tabs.unsaved")}</span></span>` : nothing}
        <span class="count">${row.file.matches.length}</span>
      </li>`;
    }
    const match = row.match;
    return html`<li role="treeitem" class="match" aria-level="2" data-file=${row.file.name} data-line=${match.line} data-column=${match.column}
      tabindex=${common.tabindex} @keydown=${common.key}
      @click=${() => { this.current = index; this.openMatch(row.file.name, match); }}>
      <span class="ln">${match.line}</span><span class="text" translate="no">${this.preview(match)}</span>
    </li>`;
  }

  private summary() {
    const s = this.state;
    if (s.error !== null) return html`<div class="note error" role="alert">${t("search.invalid", { message: s.error })}</div>`;
    if (this.searching && s.results === null) return html`<div class="note muted" role="status">${t("search.searching")}</div>`;
    if (s.results === null) return html`<div class="note muted">${t("search.hint")}</div>`;
    return html`<div class="note muted" role="status" data-summary>
        ${s.results.length === 0 ? t("search.none") : t("search.summary", { matches: s.total, files: s.results.length })}
      </div>
      ${s.truncated ? html`<div class="note warning">${t("search.truncated", { n: MAX_RESULTS })}</div>` : nothing}
      ${s.failed.length > 0 ? html`<div class="note warning">${t("search.unreadable", { names: s.failed.map((n) => `${n}.gavel`).join(", ") })}</div>` : nothing}`;
  }

  override render() {
    const q = this.state.query;
    const rows = this.rows();
    const current = Math.min(this.current, Math.max(0, rows.length - 1));
    const option = (name: "matchCase" | "wholeWord" | "regex", glyph: string, label: string) =>
      html`<button data-option=${name} aria-pressed=${String(q[name])} title=${label} aria-label=${label}
        aria-keyshortcuts=${{ matchCase: "Alt+C", wholeWord: "Alt+W", regex: "Alt+R" }[name]} data-glyph=${glyph} @click=${() => this.toggle(name)}></button>`;
    return html`<div @keydown=${this.onViewKey}>
      <div class="section-title">
        <span class="grow">${t("search.title")}</span>
        <button title=${t("search.again")} aria-label=${t("search.again")} data-action="search-again" @click=${() => this.refresh()}>⟳</button>
      </div>
      <div class="query">
        <input type="search" aria-label=${t("search.query")} placeholder=${t("search.query")} .value=${q.text}
          @input=${(e: Event) => this.setQuery({ ...this.state.query, text: (e.target as HTMLInputElement).value }, TYPING_DELAY_MS)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === "Enter") this.setQuery(this.state.query, 0);
            else if (e.key === "ArrowDown" && rows.length > 0) {
              e.preventDefault();
              this.renderRoot.querySelector<HTMLElement>("[role=treeitem][tabindex='0']")?.focus();
            }
          }} />
        ${option("matchCase", "Aa", t("search.matchCase"))}
        ${option("wholeWord", "ab", t("search.wholeWord"))}
        ${option("regex", ".*", t("search.regex"))}
      </div>
      ${this.summary()}
      ${rows.length > 0
        ? html`<ul role="tree" aria-label=${t("search.results")}>${rows.map((row, i) => this.row(row, i, rows.length, current))}</ul>`
        : nothing}
    </div>`;
  }
}

interface Row {
  file: FileResult;
  match: LineMatch | null;
}
