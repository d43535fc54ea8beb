import { describe, expect, it } from 'vitest';
import { sameImage } from '@core/index.js';

describe('sameImage', () => {
  it('matches the spellings docker treats as one image', () => {
    expect(sameImage('docker/arch-matrix', 'docker.io/docker/arch-matrix:latest')).toBe(true);
    expect(sameImage('busybox:1.36', 'docker.io/library/busybox:1.36')).toBe(true);
    expect(sameImage('index.docker.io/me/ext:1', 'me/ext:1')).toBe(true);
  });
  it('tells different tags, repositories and registries apart', () => {
    expect(sameImage('me/ext:1', 'me/ext:2')).toBe(false);
    expect(sameImage('me/ext:1', 'me/other:1')).toBe(false);
    expect(sameImage('127.0.0.1:5100/me/ext:1', 'me/ext:1')).toBe(false);
  });
  it('compares invalid references only as the same text', () => {
    expect(sameImage('Not A Ref', 'Not A Ref')).toBe(true);
    expect(sameImage('Not A Ref', 'not-a-ref')).toBe(false);
  });
});
