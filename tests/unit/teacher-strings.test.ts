/**
 * The teacher pages' strings come from one file per page and are merged into one table: a key
 * written in two files would silently lose one text. (That each file's Chinese has exactly its
 * English keys is checked by the types.)
 */
import { describe, expect, it } from 'vitest';

const parts = import.meta.glob<{ en: Record<string, string>; zh: Record<string, string> }>('../../src/ui/teacher/strings/*.ts', { eager: true });

describe('teacher strings', () => {
  it('are split over several files, and no key stands in two of them', () => {
    expect(Object.keys(parts).length).toBeGreaterThan(1);
    const where = new Map<string, string[]>();
    for (const [file, { en }] of Object.entries(parts))
      for (const key of Object.keys(en)) where.set(key, [...(where.get(key) ?? []), file.replace(/.*\//, '')]);
    expect([...where].filter(([, files]) => files.length > 1)).toEqual([]);
  });
});
