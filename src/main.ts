/**
 * Entry point: sets the document language, loads the page styles and mounts the player. Opened on
 * a case's address, it starts fetching that case's data at once, alongside the case page's script.
 */
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { prefetchCase } from './ui/cases.ts';
import { applyDocumentLang } from './ui/locale.svelte.ts';
import { router } from './ui/router.svelte.ts';
import './ui/app.css';

applyDocumentLang();
if (router.route.page === 'case') prefetchCase(router.route.id);

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target });
