/**
 * The settings in force, as a reactive store: the student's choices (remembered in the browser) under
 * an optional lock that an assignment can put on some of them.
 *
 * Settings that cannot be read are reset to the defaults with a notice, never a broken page.
 */
import { pushNotice } from './notices.svelte.ts';
import {
  readStoredSettings,
  resolveSettings,
  storedSettings,
  type PlayerSettings,
  type SettingKey,
  type SettingsLock,
} from './settings.ts';
import { STORAGE_PREFIX, defaultStorage, readJson, removeItem, writeItem } from './storage.ts';

export const SETTINGS_KEY = `${STORAGE_PREFIX}settings`;

export function createSettingsStore(storage: Storage | null = defaultStorage()) {
  const read = readStoredSettings(readJson(storage, SETTINGS_KEY));
  if (read.problem === 'unreadable') removeItem(storage, SETTINGS_KEY);
  else if (read.problem === 'partly') writeItem(storage, SETTINGS_KEY, storedSettings(read.student));

  const layers = $state<{ student: Partial<PlayerSettings>; locked?: SettingsLock }>({ student: read.student });
  const resolved = $derived(resolveSettings(layers));

  return {
    /** Why the stored settings were (partly) reset when the store was created, if they were. */
    problem: read.problem,
    get value(): PlayerSettings {
      return resolved.value;
    },
    isLocked(key: SettingKey): boolean {
      return resolved.locked.includes(key);
    },
    get lock(): SettingsLock | undefined {
      return layers.locked;
    },
    /** The student's choice; remembered, and in force unless the key is locked. */
    set<K extends SettingKey>(key: K, value: PlayerSettings[K]): void {
      layers.student = { ...layers.student, [key]: value };
      writeItem(storage, SETTINGS_KEY, storedSettings(layers.student));
    },
    /** Fix some settings from outside (an assignment), or lift the lock with `undefined`. Not stored. */
    setLock(lock: SettingsLock | undefined): void {
      layers.locked = lock;
    },
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;

export const settings = createSettingsStore();
if (settings.problem) pushNotice(settings.problem === 'unreadable' ? 'settings.unreadable' : 'settings.partly');
