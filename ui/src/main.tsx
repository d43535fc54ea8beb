import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ensureDockerThemes } from './app/themes';

// Docker Desktop injects its MUI theme options; outside it (browser mode, tests) provide ours first.
ensureDockerThemes(window);

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
