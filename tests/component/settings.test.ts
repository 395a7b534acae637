import { describe, expect, it } from 'vitest';
import { createSettingsStore, SETTINGS_KEY } from '../../src/ui/settings.svelte.ts';
import { PLAYER_DEFAULTS, readStoredSettings, resolveSettings, storedSettings } from '../../src/ui/settings.ts';

describe('settings layers', () => {
  it('take the defaults, then the student’s choice, then a lock', () => {
    expect(resolveSettings({ student: {} })).toEqual({ value: PLAYER_DEFAULTS, locked: [] });
    expect(resolveSettings({ student: { feedback: 'deferred', hints: true } }).value).toEqual({
      feedback: 'deferred',
      hints: true,
      typing: true,
    });
    const locked = resolveSettings({ student: { feedback: 'deferred', hints: true }, locked: { values: { feedback: 'immediate' } } });
    expect(locked.value).toEqual({ feedback: 'immediate', hints: true, typing: true });
    expect(locked.locked).toEqual(['feedback']);
  });

  it('ignore values of the wrong kind in any layer', () => {
    const r = resolveSettings({
      student: { feedback: 'sometimes' } as never,
      locked: { values: { hints: 'yes' } as never },
    });
    expect(r).toEqual({ value: PLAYER_DEFAULTS, locked: [] });
  });

  it('store only the student’s layer, and read it back', () => {
    const stored = storedSettings({ hints: true });
    expect(JSON.parse(stored)).toEqual({ format: 1, hints: true });
    expect(readStoredSettings({ value: JSON.parse(stored) })).toEqual({ student: { hints: true } });
  });

  it('say when stored settings are corrupt, of another format or partly unusable', () => {
    expect(readStoredSettings({})).toEqual({ student: {} });
    expect(readStoredSettings({ corrupt: true })).toEqual({ student: {}, problem: 'unreadable' });
    expect(readStoredSettings({ value: [1, 2] })).toEqual({ student: {}, problem: 'unreadable' });
    expect(readStoredSettings({ value: { format: 9, hints: true } })).toEqual({ student: {}, problem: 'unreadable' });
    expect(readStoredSettings({ value: { format: 1, hints: true, feedback: 'never' } })).toEqual({
      student: { hints: true },
      problem: 'partly',
    });
  });
});

describe('the settings store', () => {
  it('remembers the student’s choice in storage', () => {
    localStorage.clear();
    const store = createSettingsStore(localStorage);
    store.set('feedback', 'deferred');
    expect(store.value.feedback).toBe('deferred');
    expect(createSettingsStore(localStorage).value.feedback).toBe('deferred');
  });

  it('lets a lock win without losing the student’s own choice', () => {
    localStorage.clear();
    const store = createSettingsStore(localStorage);
    store.set('hints', true);
    store.setLock({ values: { hints: false }, by: { en: 'Week 3' } });
    expect(store.value.hints).toBe(false);
    expect(store.isLocked('hints')).toBe(true);
    expect(store.isLocked('feedback')).toBe(false);
    store.setLock(undefined);
    expect(store.value.hints).toBe(true);
    // A lock is never written to storage.
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY)!)).toEqual({ format: 1, hints: true });
  });

  it('resets corrupted settings to the defaults and says so', () => {
    localStorage.setItem(SETTINGS_KEY, '{"format":1,"feedback":');
    const store = createSettingsStore(localStorage);
    expect(store.problem).toBe('unreadable');
    expect(store.value).toEqual(PLAYER_DEFAULTS);
    expect(localStorage.getItem(SETTINGS_KEY)).toBeNull();
  });
});
