/**
 * The ways a small file the deep check must read (metadata.json, the compose file it names) can be in a
 * variant without the check getting its text, and the words saying so: the same for both files, so both
 * tests take their cases from here. `head` is a start of the file's text, `nested` a text nested too deep.
 */
import type { FoundFile } from '@core/index.js';
import { textFile } from './fakeReader.js';

export type UnreadCase = readonly [name: string, found: FoundFile, words: RegExp];

export function unreadFileCases(path: string, head: string, nested: string, nestedWords: RegExp): UnreadCase[] {
  const ext = path.slice(path.lastIndexOf('.'));
  const real = `/real${ext}`;
  const headBytes = new TextEncoder().encode(head);
  const escaped = real.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return [
    ['a symbolic link', { kind: 'symlink', path, target: real }, new RegExp(`is a symbolic link \\(to ${escaped}\\)`)],
    ['a hard link', { kind: 'other', path, type: `hard link to ${real}` }, new RegExp(`is a hard link to ${escaped}`)],
    [
      'larger than 1 MiB',
      { kind: 'file', path, size: 5_000_000, mode: 0o644, head: new Uint8Array(10) },
      /is 5000000 bytes, more than the 1 MiB read/,
    ],
    [
      'cut short (a bomb or the byte cap stopped its layer)',
      { kind: 'file', path, size: 300, mode: 0o644, head: headBytes },
      new RegExp(`was read only in part \\(${headBytes.length} of 300 bytes\\)`),
    ],
    [
      'in an unreadable layer (a digest mismatch)',
      { kind: 'unreadable', path, reason: 'the layer does not match its digest' },
      /could not be read: the layer does not match its digest/,
    ],
    ['nested deeper than 64 levels', textFile(path, nested), nestedWords],
  ];
}
