import { describe, expect, it } from "vitest";
import { RuleSourceCache } from "./rule-source-cache";

describe("the source cache behind Search", () => {
  it("fetches each version once, and again only a newer version", async () => {
    const loads: string[] = [];
    const cache = new RuleSourceCache(async (name, version) => {
      loads.push(`${name}@${version}`);
      return `${name} v${version}`;
    });
    const first = await cache.sourcesOf(new Map([["a", 1], ["b", 2]]));
    expect([...first.sources]).toEqual([["a", "a v1"], ["b", "b v2"]]);
    await cache.sourcesOf(new Map([["a", 1], ["b", 2]]));
    expect(loads.sort()).toEqual(["a@1", "b@2"]);
    const third = await cache.sourcesOf(new Map([["a", 1], ["b", 3]]));
    expect(third.sources.get("b")).toBe("b v3");
    expect(loads.sort()).toEqual(["a@1", "b@2", "b@3"]);
    expect(cache.fetches).toBe(3);
  });

  it("reports files that cannot be read and keeps the others", async () => {
    const cache = new RuleSourceCache(async (name) => {
      if (name === "broken") throw new Error("404");
      return name;
    });
    const result = await cache.sourcesOf(new Map([["ok", 1], ["broken", 1]]));
    expect([...result.sources.keys()]).toEqual(["ok"]);
    expect(result.failed).toEqual(["broken"]);
  });

  it("runs at most `concurrency` fetches at a time over hundreds of files", async () => {
    let running = 0;
    let most = 0;
    const cache = new RuleSourceCache(async (name) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running--;
      return name;
    }, 4);
    const listing = new Map(Array.from({ length: 300 }, (_, i) => [`r${i}`, 1] as [string, number]));
    const result = await cache.sourcesOf(listing);
    expect(result.sources.size).toBe(300);
    expect(most).toBe(4);
  });
});
