/** Fake registries and servers for the running test: started on demand, all closed after each test of the file. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach } from 'vitest';
import { startRegistry, startServer, type FakeRegistry, type FakeServer } from './fakeRegistry.js';

export interface FakeServersPerTest {
  /** A fake registry on 127.0.0.1, closed after the running test. */
  registry(): Promise<FakeRegistry>;
  /** A plain fake server (a blob store a registry redirects to, say), closed after the running test. */
  server(handle: (server: FakeServer, req: IncomingMessage, res: ServerResponse) => void): Promise<FakeServer>;
  /** Closes a server now (a registry that went away) and leaves it out of the closing after the test. */
  stop(server: FakeServer): Promise<void>;
}

/** Call once at the top of a test file: registers the afterEach that closes what the test started. */
export function fakeServersPerTest(): FakeServersPerTest {
  const running: FakeServer[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.close()));
  });
  const keep = <S extends FakeServer>(server: S): S => {
    running.push(server);
    return server;
  };
  return {
    registry: async () => keep(await startRegistry()),
    server: async (handle) => keep(await startServer(handle)),
    stop: async (server) => {
      await server.close();
      const at = running.indexOf(server);
      if (at >= 0) running.splice(at, 1);
    },
  };
}
