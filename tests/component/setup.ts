/** Component test setup: jest-dom matchers, and unmounting after each test. */
import '@testing-library/jest-dom/vitest';
import '@testing-library/svelte/vitest';
