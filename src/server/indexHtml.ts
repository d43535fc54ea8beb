/**
 * The built UI's index.html, changed for browser mode: the stand-in ddClient's module script
 * goes first in <head>, so it defines window.ddClient before the app's module script runs
 * (module scripts run in document order), plus a <meta> with what the stand-in needs to know.
 */
import { err, ok, type Result } from '../core/result.js';
import { CONFIG_META_NAME, STANDIN_PATH, type StandinConfig } from '../wire/standinProtocol.js';

/** The stand-in's entry module (src/server/standin/install.ts, built by Vite into dist/standin). */
export const STANDIN_ENTRY = `${STANDIN_PATH}install.js`;

const escapeAttribute = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function injectStandin(html: string, config: StandinConfig): Result<string, string> {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head === null) return err('the built index.html has no <head> element');
  const at = head.index + head[0].length;
  const tags =
    `\n    <meta name="${CONFIG_META_NAME}" content="${escapeAttribute(JSON.stringify(config))}">` +
    `\n    <script type="module" src="${STANDIN_ENTRY}"></script>`;
  return ok(html.slice(0, at) + tags + html.slice(at));
}

/**
 * Scripts only from this server (no inline script, so label text can never run);
 * styles inline (MUI/emotion inject them); images from anywhere over http(s) (extension icons).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: http: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
