import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Built into `dist/` and served by the server at `/kiosk/` (server/app/kiosk/[[...path]]/route.ts). */
export default defineConfig({
  base: '/kiosk/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2048,
  },
  server: {
    // `npm run dev -w @inkproof/kiosk` against a running server (npm start on :3000).
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
