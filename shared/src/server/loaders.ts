import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders, created on first use by name. Every entity reference and
 * list-under-list field goes through one, so statements per request stay constant.
 */
export class Loaders {
  private readonly map = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>): DataLoader<K, V> {
    let l = this.map.get(name) as DataLoader<K, V> | undefined;
    if (!l) {
      l = new DataLoader<K, V>(batch);
      this.map.set(name, l as DataLoader<unknown, unknown>);
    }
    return l;
  }
}

/** Orders fetched rows by the requested keys; a missing row is null. */
export function alignOne<K, V>(keys: readonly K[], rows: readonly V[], key: (v: V) => K): (V | null)[] {
  const m = new Map<K, V>();
  for (const r of rows) m.set(key(r), r);
  return keys.map((k) => m.get(k) ?? null);
}

/** Groups fetched rows under the requested keys (for one-to-many lists). */
export function alignMany<K, V>(keys: readonly K[], rows: readonly V[], key: (v: V) => K): V[][] {
  const m = new Map<K, V[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return keys.map((k) => m.get(k) ?? []);
}
