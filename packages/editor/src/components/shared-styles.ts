/** Styles shared by the workbench's shadow-DOM parts: colours come from CSS variables set on <html data-theme>. */

import { css } from "lit";

export const sharedStyles = css`
  :host {
    color: var(--fg);
    font: 13px/1.4 var(--ui-font);
    box-sizing: border-box;
  }
  *, *::before, *::after { box-sizing: inherit; }
  button {
    font: inherit;
    color: inherit;
    background: none;
    border: 1px solid transparent;
    border-radius: 3px;
    padding: 2px 6px;
    cursor: pointer;
  }
  button:hover { background: var(--hover-bg); }
  button:focus-visible, [tabindex]:focus-visible, input:focus-visible, select:focus-visible {
    outline: 1px solid var(--focus);
    outline-offset: -1px;
  }
  button.primary {
    background: var(--accent);
    color: var(--accent-fg);
    padding: 4px 12px;
  }
  button.primary:hover { background: var(--accent-hover); }
  input, select {
    font: inherit;
    color: var(--fg);
    background: var(--input-bg);
    border: 1px solid var(--input-border);
    border-radius: 2px;
    padding: 3px 6px;
  }
  .muted { color: var(--muted); }
  .error { color: var(--error); }
  .warning { color: var(--warning); }
  .ok { color: var(--ok); }
  .section-title {
    text-transform: uppercase;
    font-size: 11px;
    letter-spacing: 0.04em;
    color: var(--muted);
    padding: 8px 12px 6px 20px;
    display: flex;
    align-items: center;
    gap: 4px;
  }
  .section-title .grow { flex: 1; }
  .codicon-like { font-family: var(--ui-font); font-size: 14px; line-height: 1; }
  ul { list-style: none; margin: 0; padding: 0; }
  /* Words for screen readers only, where the eye reads a glyph or a bare number. */
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

/** The Try it charts: an SVG that scrolls sideways rather than squeeze, its text in the UI's font and colour. */
export const chartStyles = css`
  :host { display: block; overflow-x: auto; }
  svg { display: block; }
  text { fill: var(--fg); font: 12px var(--ui-font); }
`;
