import { extensionInfo, parseReference } from '@core/index.js';
import type { MatrixRow } from '../../../shared/matrixRow';

export interface RowDisplay {
  /** The extension's title label, else the reference itself. Text only. */
  readonly title: string;
  readonly vendor?: string;
  readonly description?: string;
  /** http(s) or data:image only (the core filters it). */
  readonly icon?: string;
  /** Tag (or short digest) of the reference, else the image's version label. */
  readonly version?: string;
  readonly links: readonly { readonly title: string; readonly url: string }[];
}

const VERSION_LABEL = 'org.opencontainers.image.version';

function versionOf(row: MatrixRow): string | undefined {
  const parsed = parseReference(row.reference);
  if (parsed.ok) {
    if (parsed.value.tag !== undefined) return parsed.value.tag;
    if (parsed.value.digest !== undefined) return parsed.value.digest.slice(0, 19);
  }
  return row.local?.labels[VERSION_LABEL];
}

export function rowDisplay(row: MatrixRow): RowDisplay {
  const info = extensionInfo(row.local?.labels);
  const version = versionOf(row);
  const title = info.title !== undefined && info.title.trim() !== '' ? info.title : row.reference;
  return {
    title,
    links: info.links,
    vendor: info.vendor,
    description: info.description,
    icon: info.icon,
    version,
  };
}
