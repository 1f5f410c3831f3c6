import { describe, expect, it } from "vitest";
import { catalogs, t, type MessageKey } from "./i18n";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(",");

describe("UI strings", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(t("tests.summary", { passed: 3, failed: 1 })).toBe("3 passed, 1 failed");
    expect(t("status.ln", { line: 2 })).toBe("Ln 2, Col {column}");
  });

  it("has every message in Chinese, with the same placeholders as in English", () => {
    const keys = Object.keys(catalogs.en) as MessageKey[];
    expect(keys.length).toBeGreaterThan(50);
    for (const key of keys) {
      const zh = catalogs["zh-CN"][key];
      expect(zh, key).not.toBe("");
      expect(placeholders(zh), key).toBe(placeholders(catalogs.en[key]));
    }
  });
});
