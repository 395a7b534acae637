/**
 * Entry point: sets the document language, loads the page styles and that language's strings, and
 * mounts the player. Opened on a case's address, it starts fetching that case's data at once,
 * alongside the case page's script, and has the browser load its currency data meanwhile.
 */
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { prefetchCase } from './ui/cases.ts';
import { loadMessages } from './ui/i18n.ts';
import { applyDocumentLang, locale } from './ui/locale.svelte.ts';
import { router } from './ui/router.svelte.ts';
import './ui/app.css';

applyDocumentLang();
if (router.route.page === 'case') {
  prefetchCase(router.route.id);
  // A case page shows prices. The first price a page formats makes the browser load its currency
  // data (about 25 ms on a desktop, four times that on a mid-range phone); done now, while the
  // case is still downloading, it is not part of the page's first render.
  setTimeout(() => new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(0));
}

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// Without its strings the page would show keys; if they cannot be fetched, say so in both languages.
try {
  await loadMessages(locale.lang);
} catch {
  target.textContent = 'The page could not load. Check the connection and reload. 页面加载失败，请检查网络后刷新。';
  throw new Error(`the ${locale.lang} interface strings could not be loaded`);
}

export default mount(App, { target });
