/**
 * The reader's default network (no fetch and no lookup given) resolves each host name with the system resolver
 * when it opens a connection, and refuses a link-local answer there, before connecting: node:dns is stubbed here
 * so that a name answers with a link-local address.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('node:dns/promises', () => ({
  lookup: (hostname: string) =>
    Promise.resolve(
      hostname === 'metadata.evil.example'
        ? [{ address: '169.254.169.254', family: 4 }]
        : [{ address: '203.0.113.10', family: 4 }],
    ),
}));

const { RegistryClient } = await import('@registry/registryClient.js');
const { noCredentials } = await import('@registry/index.js');
const { RegistryFailure } = await import('@registry/httpFailure.js');

describe('the default network of the registry client', () => {
  it('refuses a registry whose name resolves link-local, before any connection', async () => {
    const client = new RegistryClient({ credentials: noCredentials });
    const signals = { deadline: AbortSignal.timeout(5_000), signal: AbortSignal.timeout(5_000) };
    const refused = await client
      .manifest({ domain: 'metadata.evil.example', path: 'x/y' }, 'latest', signals)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RegistryFailure);
    expect((refused as InstanceType<typeof RegistryFailure>).failure.message).toBe(
      'GET https://metadata.evil.example/v2/x/y/manifests/latest: refused: metadata.evil.example resolves to 169.254.169.254, a link-local address (never a registry: cloud metadata services answer there)',
    );
  });
});
