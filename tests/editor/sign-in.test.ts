/**
 * Per-person sign-in (issue #13): a visitor without a token is asked to sign in by a dialog that says where tokens
 * come from; a token is kept only once the service accepted it (GET /v1/me), a wrong or revoked one is refused in the
 * UI's language, the status bar names who is signed in with a Sign out, and History names each version's author by
 * the token of the person who saved it. Every test has its own browsers and its own tokens and rule names.
 */

import { describe, expect, it } from "vitest";
import { fileWorkbench } from "./fresh-workbench";
import { screenshotPath } from "./screenshots";
import type { WorkbenchPage } from "./workbench-page";

const files = fileWorkbench();

const DIALOG = "gavel-sign-in-dialog dialog[open]";

/** A small vote stored as version 1 under `name` by the administrator. */
function voteSource(name: string): string {
  return `vote ${name} "签名测试" {\n  quorum: present > 1/2 of entitled\n  passes: yes > 1/2 of present\n}\n`;
}

/** Types a token into the open sign-in dialog and submits it. */
async function submitToken(wb: WorkbenchPage, token: string): Promise<void> {
  await wb.page.fill("gavel-sign-in-dialog #sign-in-token", token);
  await wb.page.click("gavel-sign-in-dialog [data-action=sign-in]");
}

/** Signs in through the dialog (opened from the status bar when it is not open yet) and waits for the status bar to say so. */
async function signIn(wb: WorkbenchPage, token: string): Promise<void> {
  if ((await wb.page.locator(DIALOG).count()) === 0) await wb.page.click("gavel-status-bar [data-action=sign-in]");
  await submitToken(wb, token);
  await wb.page.waitForSelector(DIALOG, { state: "detached" });
  await wb.page.waitForSelector("gavel-status-bar [data-status=user]");
}

function storedToken(wb: WorkbenchPage): Promise<string | null> {
  return wb.page.evaluate(() => localStorage.getItem("gavel.token"));
}

describe("signing in", () => {
  it("asks a new visitor, refuses a wrong and a revoked token, then signs in and out from the status bar and the palette", async () => {
    const alice = await files.service.createToken("Alice", "author");
    const revoked = await files.service.createToken("Mallory", "author");
    await files.service.revokeToken(revoked.id);
    const { wb } = await files.freshWorkbench({ token: undefined, askSignIn: true });
    await wb.open();
    await wb.page.waitForSelector(DIALOG);
    const text = await wb.page.textContent(DIALOG);
    expect(text).toContain("Each person signs in with a token of their own");
    expect(text).toContain("gavel token create --name <your name> --role author");
    await wb.page.waitForFunction(() => {
      const root = document.querySelector("gavel-sign-in-dialog")?.shadowRoot;
      return root?.activeElement?.id === "sign-in-token";
    });
    await wb.screenshot(screenshotPath("sign-in-en-light.png"));

    for (const wrong of ["gvl_not-a-real-token", revoked.token]) {
      await submitToken(wb, wrong);
      await wb.page.waitForSelector("gavel-sign-in-dialog [role=alert]");
      expect(await wb.page.textContent("gavel-sign-in-dialog [role=alert]")).toContain("does not accept this token");
      expect(await wb.page.locator(DIALOG).count()).toBe(1);
      expect(await storedToken(wb)).toBeNull();
      await wb.page.fill("gavel-sign-in-dialog #sign-in-token", ""); // the next attempt starts from a fresh alert
    }

    await signIn(wb, alice.token);
    expect(await wb.page.textContent("gavel-status-bar [data-status=user]")).toContain("Alice · author");
    expect(await storedToken(wb)).toBe(alice.token);

    await wb.page.click("gavel-status-bar [data-action=sign-out]");
    await wb.page.waitForSelector("gavel-status-bar [data-action=sign-in]");
    expect(await storedToken(wb)).toBeNull();

    await wb.page.reload();
    await wb.page.waitForSelector(DIALOG); // signed out: the next load asks again (the next person at this browser)
    await signIn(wb, alice.token);

    // The palette has both commands (it lives in the editor, so a file is open).
    await files.service.putRule("palette_sign_in", voteSource("palette_sign_in"));
    await wb.open("palette_sign_in");
    await wb.moveCursor(1, 1);
    await wb.runCommand("gavel: Sign out");
    await wb.page.waitForSelector("gavel-status-bar [data-action=sign-in]");
    expect(await storedToken(wb)).toBeNull();
    await wb.runCommand("gavel: Sign in");
    await wb.page.waitForSelector(DIALOG);
  });

  it("speaks Chinese in the zh-CN UI: the explanation, a refused token and who is signed in", async () => {
    const wang = await files.service.createToken("王芳", "author");
    const { wb } = await files.freshWorkbench({ token: undefined, askSignIn: true, locale: "zh-CN", theme: "dark" });
    await wb.open();
    await wb.page.waitForSelector(DIALOG);
    const text = await wb.page.textContent(DIALOG);
    expect(text).toContain("每人用自己的令牌登录");
    expect(text).toContain("gavel token create --name <你的姓名> --role author");
    await wb.screenshot(screenshotPath("sign-in-zh-CN-dark.png"));
    await submitToken(wb, "gvl_错误的令牌");
    await wb.page.waitForSelector("gavel-sign-in-dialog [role=alert]");
    expect(await wb.page.textContent("gavel-sign-in-dialog [role=alert]")).toContain("服务不接受这个令牌");
    await signIn(wb, wang.token);
    expect(await wb.page.textContent("gavel-status-bar [data-status=user]")).toContain("王芳 · 编写人");
    expect(await wb.page.textContent("gavel-status-bar [data-action=sign-out]")).toBe("退出登录");
  });

  it("reads without signing in when asked to, and does not ask again at the next load", async () => {
    const { wb } = await files.freshWorkbench({ token: undefined, askSignIn: true });
    await wb.open();
    await wb.page.click(`${DIALOG} [data-action=sign-in-later]`);
    await wb.page.waitForSelector(DIALOG, { state: "detached" });
    await wb.page.reload();
    await wb.page.waitForSelector("gavel-explorer li[data-name]");
    await wb.page.waitForSelector("gavel-status-bar [data-action=sign-in]");
    expect(await wb.page.locator(DIALOG).count()).toBe(0);
  });
});

describe("two people editing the same rule", () => {
  it("records each version under the token of the person who saved it, shown in History; a revoked token asks to sign in again", async () => {
    const rule = "two_authors";
    await files.service.putRule(rule, voteSource(rule));
    const liu = await files.service.createToken("刘洋", "author");
    const chen = await files.service.createToken("Chen Jing", "author");

    /** A person in a browser of their own: opens the rule, signs in with their token, adds a line and saves. */
    const editAs = async (token: string, line: string): Promise<WorkbenchPage> => {
      const { wb } = await files.freshWorkbench({ token: undefined, askSignIn: true });
      await wb.open(rule);
      await signIn(wb, token);
      await wb.appendText(line);
      await wb.page.keyboard.press("Control+s");
      await wb.page.waitForSelector(`gavel-tabs [role=tab][data-name=${rule}][data-dirty=false]`);
      return wb;
    };
    await editAs(liu.token, "# 刘洋 的修改\n");
    const second = { wb: await editAs(chen.token, "# Chen Jing's change\n") };

    const authors = await files.service.authors(rule);
    expect(authors.slice(0, 2)).toEqual(["Chen Jing", "刘洋"]);
    await second.wb.page.click("gavel-activity-bar [data-view=history]");
    await second.wb.page.waitForSelector("gavel-history [data-version='3']");
    // The rows are drawn from the version count at once; who saved each arrives with the versions' own request.
    const shown = () => second.wb.page.locator("gavel-history li").evaluateAll((rows) =>
      rows.map((row) => row.querySelector("[data-author]")?.getAttribute("data-author") ?? ""),
    );
    await expect.poll(shown, { timeout: 15_000 }).toEqual(authors);
    expect(await second.wb.page.textContent("gavel-history li:first-child")).toContain("by Chen Jing");

    // The administrator revokes the second person's token: the next save asks them to sign in again, and keeps the edit.
    await files.service.revokeToken(chen.id);
    await second.wb.appendText("# after the revocation\n");
    await second.wb.page.keyboard.press("Control+s");
    await second.wb.page.waitForSelector(`${DIALOG} [data-reason=expired]`);
    expect(await storedToken(second.wb)).toBeNull();
    expect(await second.wb.page.getAttribute(`gavel-tabs [role=tab][data-name=${rule}]`, "data-dirty")).toBe("true");
    expect(await files.service.authors(rule)).toEqual(authors);
  });
});
