/**
 * Entry point: sets the document language, loads the page styles and mounts the player.
 */
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { applyDocumentLang } from './ui/locale.svelte.ts';
import './ui/app.css';

applyDocumentLang();

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target });
