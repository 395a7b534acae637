// Svelte options shared by Vite and svelte-check: runes for the project's own components only,
// so libraries keep whichever mode they were written in.
export default {
  vitePlugin: {
    dynamicCompileOptions: ({ filename }) => (filename.includes('node_modules') ? undefined : { runes: true }),
  },
};
