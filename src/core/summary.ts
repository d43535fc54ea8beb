/** One sentence about the whole matrix: "3 of 12 extensions lack linux/arm64; 1 will not install on this machine". */
import { platformKey, RECOMMENDED_PLATFORMS } from './platform.js';
import type { InspectResult, Platform } from './types.js';
import { VERDICT_TABLE } from './verdictTable.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summarise(results: readonly InspectResult[], host?: Platform): string {
  const total = results.length;
  if (total === 0) return 'No extension images found';
  // Checked: a platform list is known, the registry's complete one or the local store's.
  const checked = results.filter((r) => VERDICT_TABLE[r.verdict].platformList !== 'none');
  const parts: string[] = [];
  for (const key of RECOMMENDED_PLATFORMS) {
    const lacking = checked.filter((r) => !r.platforms.includes(key)).length;
    if (lacking > 0) parts.push(`${lacking} of ${plural(total, 'extension')} lack${lacking === 1 ? 's' : ''} ${key}`);
  }
  if (host) {
    const hostKey = platformKey(host);
    const wontInstall = checked.filter((r) => !r.platforms.includes(hostKey)).length;
    if (wontInstall > 0) parts.push(`${wontInstall} will not install on this machine (${hostKey})`);
  }
  const localOnly = results.filter((r) => r.verdict === 'local-only').length;
  if (localOnly > 0) parts.push(`${localOnly} ${localOnly === 1 ? 'is' : 'are'} only in the local store`);
  const unchecked = total - checked.length;
  if (unchecked > 0) parts.push(`${unchecked} could not be checked`);
  if (parts.length === 0) {
    return `All ${plural(total, 'extension')} ${total === 1 ? 'is' : 'are'} published for ${RECOMMENDED_PLATFORMS.join(' and ')}`;
  }
  return parts.join('; ');
}
