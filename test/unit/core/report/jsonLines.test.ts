import { describe, expect, it } from 'vitest';
import { lineOfJsonPath, metadataLine } from '@core/index.js';
import { dataText } from '../../../support/deepData.js';
import { DEEP_METADATA } from '../../../support/reportResults.js';

describe('lineOfJsonPath', () => {
  const text = [
    '{',
    '  "a": 1,',
    '  "b": {',
    '    "c": [',
    '      "x",',
    '      { "d": "y" }',
    '    ]',
    '  }',
    '}',
  ].join('\n');

  it("finds a member's key, a list item and the root", () => {
    expect(lineOfJsonPath(text, [])).toBe(1);
    expect(lineOfJsonPath(text, ['a'])).toBe(2);
    expect(lineOfJsonPath(text, ['b'])).toBe(3);
    expect(lineOfJsonPath(text, ['b', 'c', 0])).toBe(5);
    expect(lineOfJsonPath(text, ['b', 'c', 1, 'd'])).toBe(6);
  });

  it('is undefined for a path that is not there, and for text malformed before it', () => {
    expect(lineOfJsonPath(text, ['z'])).toBeUndefined();
    expect(lineOfJsonPath(text, ['b', 'c', 2])).toBeUndefined();
    expect(lineOfJsonPath('{ "x": , "a": 1 }', ['a'])).toBeUndefined();
    expect(lineOfJsonPath('{ "x": [1 2], "a": 1 }', ['a'])).toBeUndefined();
    expect(lineOfJsonPath('not json', ['a'])).toBeUndefined();
  });

  it('reads escaped keys and strings, a BOM, and values of every kind', () => {
    const odd = '\uFEFF{"q\\"x": "a\\"}b",\n "n": -1.5e3, "t": true, "f": false, "z": null,\n "k\\u00e9": [ ]}';
    expect(lineOfJsonPath(odd, ['q"x'])).toBe(1);
    expect(lineOfJsonPath(odd, ['k\u00e9'])).toBe(3);
    expect(lineOfJsonPath(odd, ['z'])).toBe(2);
  });
});

describe('metadataLine', () => {
  it('points a host binary at the line metadata.json lists it on', () => {
    expect(metadataLine(DEEP_METADATA, { kind: 'host-binary', os: 'darwin', listed: '/darwin/esbuild' })).toBe(6);
    expect(metadataLine(DEEP_METADATA, { kind: 'host-binary', os: 'windows', listed: '/windows/esbuild.exe' })).toBe(9);
    expect(metadataLine(DEEP_METADATA, { kind: 'host-binary', os: 'linux', listed: '/nope' })).toBeUndefined();
  });

  it('points a backend at vm.image or vm.composefile, and a missing key at its nearest parent', () => {
    expect(metadataLine(DEEP_METADATA, { kind: 'backend', source: 'vm.image' })).toBe(14);
    expect(metadataLine(DEEP_METADATA, { kind: 'json-path', path: ['host', 'binaries', 0, 'freebsd'] })).toBe(5);
    expect(metadataLine(DEEP_METADATA, { kind: 'json-path', path: ['ui'] })).toBe(1);
  });

  it("finds a real extension's host binary lines (docker/extensions-sdk's kubernetes sample)", () => {
    const text = dataText('metadata/extensions-sdk-kubernetes-sample.json');
    const lines = text.split('\n');
    const line = metadataLine(text, { kind: 'host-binary', os: 'windows', listed: '/windows/kubectl.exe' });
    expect(line).toBeDefined();
    expect(lines[(line ?? 0) - 1]).toContain('"/windows/kubectl.exe"');
  });
});
