/** The library's filter, kept while the learner goes into a case and back. */
import type { LibraryFilter } from './library.ts';

export const libraryFilter = $state<LibraryFilter>({ platform: '', dispute: '' });
