/**
 * Which Retell keys speak for which company: a company's own workspace keys serve it alone; the deployment's
 * `RETELL_API_KEYS` serve the companies that have none of their own, and never one that has.
 */
export class RetellKeyring {
  private readonly everyKey: readonly string[];

  constructor(
    private readonly global: readonly string[],
    private readonly own: ReadonlyMap<string, readonly string[]>,
  ) {
    this.everyKey = [...new Set([...global, ...[...own.values()].flat()])];
  }

  /** The keys that may sign for this company; for no company, the deployment's. */
  keysFor(companyId: string | null): readonly string[] {
    return (companyId ? this.own.get(companyId) : undefined) ?? this.global;
  }

  /** Every key the deployment knows, each once. */
  all(): readonly string[] {
    return this.everyKey;
  }

  /** The companies that list this key as their own (none for a deployment key). */
  ownersOf(key: string): string[] {
    return [...this.own].filter(([, keys]) => keys.includes(key)).map(([companyId]) => companyId);
  }

  /** The key Retell's own API is called with for this company: its first own key, else the deployment's first. */
  apiKeyFor(companyId: string): string | null {
    return this.keysFor(companyId)[0] ?? null;
  }
}
