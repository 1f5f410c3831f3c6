/** Browser-local preferences: the API token and the colour theme. */

export type Theme = "light" | "dark" | "hc-dark" | "hc-light";

/** Every theme, each covering the whole workbench (CSS variables on <html data-theme>) and Monaco. */
export const THEMES: readonly Theme[] = ["light", "dark", "hc-dark", "hc-light"];

/** Whether a theme has a dark background. */
export function isDarkTheme(theme: Theme): boolean {
  return theme === "dark" || theme === "hc-dark";
}

const TOKEN_KEY = "gavel.token";
const THEME_KEY = "gavel.theme";
const themeListeners = new Set<(theme: Theme) => void>();

/** The bearer token the user pasted into the settings dialog ("" when none). */
export function getToken(): string {
  return globalThis.localStorage?.getItem(TOKEN_KEY) ?? "";
}

/** Stores (or with "" forgets) the bearer token. */
export function setToken(token: string): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

/** The current theme: stored choice, else the system preference. */
export function getTheme(): Theme {
  const stored = globalThis.localStorage?.getItem(THEME_KEY);
  if ((THEMES as readonly (string | null | undefined)[]).includes(stored)) return stored as Theme;
  if (globalThis.matchMedia?.("(forced-colors: active)").matches) return globalThis.matchMedia("(prefers-color-scheme: dark)").matches ? "hc-dark" : "hc-light";
  return globalThis.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** Switches the theme, stores it, marks <html data-theme>, and notifies subscribers (Monaco). */
export function setTheme(theme: Theme): void {
  localStorage.setItem(THEME_KEY, theme);
  document.documentElement.dataset["theme"] = theme;
  for (const listener of themeListeners) listener(theme);
}

/** Calls `listener` whenever the theme changes; returns the unsubscribe function. */
export function onThemeChange(listener: (theme: Theme) => void): () => void {
  themeListeners.add(listener);
  return () => themeListeners.delete(listener);
}
