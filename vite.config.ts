import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Docker Desktop loads the tab from files inside the extension image (ui/), so every URL is relative.
export default defineConfig({
  root: 'ui',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/ui',
    emptyOutDir: true,
    // The tab is loaded from disk: one chunk size warning is noise, not a problem.
    chunkSizeWarningLimit: 2048,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
