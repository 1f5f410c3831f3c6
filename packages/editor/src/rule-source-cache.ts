/**
 * The stored text of every rule file, for Search: each version is fetched once (a stored version never changes) and
 * kept by name; a newer version in the registry replaces it. A few fetches run at a time.
 */

/** What a search reads: the text of each file, and the names that could not be read. */
export interface CachedSources {
  sources: Map<string, string>;
  failed: string[];
}

export class RuleSourceCache {
  private readonly entries = new Map<string, { version: number; source: string }>();
  /** How many versions were fetched so far (what the cache saves is visible in tests and benchmarks). */
  fetches = 0;

  constructor(
    private readonly load: (name: string, version: number) => Promise<string>,
    private readonly concurrency = 6,
  ) {}

  /** The text of each listed file at (at least) its listed version, fetching only what is missing or older. */
  async sourcesOf(listing: ReadonlyMap<string, number>): Promise<CachedSources> {
    const missing = [...listing].filter(([name, version]) => (this.entries.get(name)?.version ?? 0) < version);
    const failed: string[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < missing.length) {
        const [name, version] = missing[next++]!;
        try {
          this.fetches++;
          const source = await this.load(name, version);
          if ((this.entries.get(name)?.version ?? 0) < version) this.entries.set(name, { version, source });
        } catch {
          failed.push(name);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, missing.length) }, worker));
    const sources = new Map<string, string>();
    for (const name of listing.keys()) {
      const entry = this.entries.get(name);
      if (entry) sources.set(name, entry.source);
    }
    return { sources, failed: failed.sort() };
  }
}
