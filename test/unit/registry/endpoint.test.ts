import { describe, expect, it } from 'vitest';
import { parseAuthChallenge } from '@registry/authChallenge.js';
import { credentialKey } from '@registry/credentials.js';
import { allowedUrl, isLoopbackHost, registryOrigin } from '@registry/endpoint.js';
import { isLoopbackRegistry } from '@core/index.js';

describe('registry endpoints', () => {
  it('Docker Hub is reached at registry-1.docker.io over https, its login key is index.docker.io/v1/', () => {
    expect(registryOrigin('docker.io')).toBe('https://registry-1.docker.io');
    expect(credentialKey('docker.io')).toBe('https://index.docker.io/v1/');
    expect(credentialKey('ghcr.io')).toBe('ghcr.io');
  });

  it('plain http only for loopback hosts, as docker does', () => {
    expect(registryOrigin('127.0.0.1:5100')).toBe('http://127.0.0.1:5100');
    expect(registryOrigin('localhost:5000')).toBe('http://localhost:5000');
    expect(registryOrigin('[::1]:5000')).toBe('http://[::1]:5000');
    expect(registryOrigin('registry.example.com:5000')).toBe('https://registry.example.com:5000');
    expect(registryOrigin('127.0.0.1.example.com')).toBe('https://127.0.0.1.example.com');
    expect(isLoopbackHost('127.8.9.10')).toBe(true);
    expect(allowedUrl(new URL('http://storage.example.com/x'))).toBe(false);
    expect(allowedUrl(new URL('https://storage.example.com/x'))).toBe(true);
    expect(allowedUrl(new URL('file:///etc/passwd'))).toBe(false);
  });
});

describe("one loopback rule for the reader's plain HTTP and docker's --insecure", () => {
  it.each([
    ['127.0.0.1:5100', true],
    ['localhost:5000', true],
    ['[::1]:5000', true],
    ['127.8.9.10:5000', true],
    ['LOCALHOST', true],
    ['registry.localhost:5000', false],
    ['127.256.0.1:5000', false],
    ['127.0.0.01:5000', false],
    ['127.0.0.1.example.com', false],
    ['10.0.0.5:5000', false],
  ])('%s: loopback %s in both', (domain, loopback) => {
    expect(isLoopbackRegistry(domain)).toBe(loopback);
    expect(registryOrigin(domain).startsWith('http://')).toBe(loopback);
  });
});

describe('WWW-Authenticate', () => {
  it('reads a Bearer challenge with quoted parameters', () => {
    expect(
      parseAuthChallenge(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"',
      ),
    ).toEqual({
      scheme: 'bearer',
      realm: 'https://auth.docker.io/token',
      service: 'registry.docker.io',
      scope: 'repository:library/alpine:pull',
    });
  });

  it('reads Basic, and refuses what it cannot answer', () => {
    expect(parseAuthChallenge('Basic realm="archmatrix-testenv"')).toEqual({
      scheme: 'basic',
      realm: 'archmatrix-testenv',
    });
    expect(parseAuthChallenge('Bearer service="x"')).toBeUndefined();
    expect(parseAuthChallenge('Negotiate abc')).toBeUndefined();
    expect(parseAuthChallenge(null)).toBeUndefined();
    expect(parseAuthChallenge(`Bearer realm="${'x'.repeat(5000)}"`)).toBeUndefined();
  });
});
