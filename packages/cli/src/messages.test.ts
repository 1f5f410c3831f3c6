import { describe, expect, it } from "vitest";
import { chooseLanguage, messagesFor } from "./messages.ts";

describe("chooseLanguage", () => {
  it("takes --lang over the locale, in both spellings", () => {
    expect(chooseLanguage(["test", "--lang", "zh"], { LANG: "en_US.UTF-8" })).toBe("zh");
    expect(chooseLanguage(["--lang=en", "test"], { LANG: "zh_CN.UTF-8" })).toBe("en");
  });

  it("follows POSIX precedence LC_ALL > LC_MESSAGES > LANG", () => {
    expect(chooseLanguage([], { LANG: "zh_CN.UTF-8" })).toBe("zh");
    expect(chooseLanguage([], { LANG: "zh_CN.UTF-8", LC_ALL: "C" })).toBe("en");
    expect(chooseLanguage([], { LANG: "en_GB", LC_MESSAGES: "zh_TW.UTF-8" })).toBe("zh");
    expect(chooseLanguage([], {})).toBe("en");
  });

  it("ignores --lang after --", () => {
    expect(chooseLanguage(["--", "--lang", "zh"], {})).toBe("en");
  });
});

describe("messages", () => {
  it("has every message in both languages, and they differ", () => {
    const en = messagesFor("en");
    const zh = messagesFor("zh");
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(zh.checkSummary(3, 1, 0)).toBe("已检查 3 个文件：1 个错误，0 个警告。");
    expect(en.checkSummary(1, 2, 1)).toBe("1 file checked: 2 errors, 1 warning.");
  });
});
