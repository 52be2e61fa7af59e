import { describe, expect, it } from 'vitest';
import { UUID_PATTERN, uuidv7 } from '../../src/platform/ids.js';

describe('uuidv7', () => {
  it('is a version 7, variant 1 UUID carrying the millisecond', () => {
    // Later than any id this process made before (ids only move forward), so the time shows as given.
    const id = uuidv7(Date.UTC(2100, 10, 28, 15));
    expect(id).toMatch(UUID_PATTERN);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2100, 10, 28, 15));
  });

  it('sorts in creation order, also within one millisecond and when the clock steps back', () => {
    const at = Date.UTC(2101, 0, 1);
    const ids = [uuidv7(at), uuidv7(at), uuidv7(at), uuidv7(at - 5), uuidv7(at + 1)];
    for (let i = 0; i < 3000; i++) ids.push(uuidv7(at + 1));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
