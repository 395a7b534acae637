/** Component test setup: jest-dom matchers, unmounting after each test, and both interface languages. */
import '@testing-library/jest-dom/vitest';
import '@testing-library/svelte/vitest';
import { loadMessages } from '../../src/ui/i18n.ts';

// The page loads one language's table at a time; tests switch freely, so both are here.
await loadMessages('en');
await loadMessages('zh-CN');
