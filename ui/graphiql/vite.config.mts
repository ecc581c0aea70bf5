import { defineConfig, type Plugin } from 'vite';

/**
 * GraphiQL's stylesheet carries its fonts (Roboto, Fira Code) inline as data: URLs, every subset
 * of them: 361 of its 418 KB. Inline subsets are all downloaded whatever the page shows, so the
 * Cyrillic and Greek ones (never in this graph's data) are dropped; Latin, Latin-ext and
 * Vietnamese stay, since names and addresses are Vietnamese.
 */
const UNUSED_SUBSETS = /^U\+(0460|0400|1F00|0370)-/;
function dropUnusedFontSubsets(): Plugin {
  return {
    name: 'vss-drop-unused-font-subsets',
    transform(code, id) {
      if (!/graphiql[\\/]dist[\\/]style\.css$/.test(id)) return null;
      return code.replace(/@font-face\s*\{[^}]*\}/g, (face) => {
        const range = /unicode-range:\s*([^;}]+)/.exec(face)?.[1]?.trim();
        return range && UNUSED_SUBSETS.test(range) ? '' : face;
      });
    },
  };
}

// Served by the gateway at /graphiql/ (gateway/server.ts) when GRAPHIQL=on; everything is bundled,
// fonts included, so the IDE works on a closed network.
export default defineConfig({
  base: '/graphiql/',
  plugins: [dropUnusedFontSubsets()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // GraphiQL's UI libraries mark their modules "use client" for React Server Components;
      // meaningless in a browser-only bundle, and a hundred warnings would hide a real one.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
