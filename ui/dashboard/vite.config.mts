import { defineConfig } from 'vite';

// Served by the gateway at /dashboard/ (gateway/server.ts); everything is bundled, nothing loads from outside.
export default defineConfig({
  base: '/dashboard/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
  oxc: { jsx: { runtime: 'automatic' } },
});
