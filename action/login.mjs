// Writes a docker config of its own for the check step: the existing config (DOCKER_CONFIG or ~/.docker)
// plus `auths` for each registry (ARCHMATRIX_REGISTRY, or every registry ARCHMATRIX_REFERENCES names),
// from ARCHMATRIX_USERNAME / ARCHMATRIX_PASSWORD in the environment. Prints the folder. No credential
// helper is used for those registries in this copy, so the login given here is the one that counts.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

const dist = new URL('../dist/node/', import.meta.url);
const { parseReference } = await import(new URL('core/index.js', dist).href);
const { credentialKey } = await import(new URL('registry/index.js', dist).href);

const env = process.env;
const fail = (message) => {
  process.stderr.write(`archmatrix login: ${message}\n`);
  process.exit(2);
};

const hosts = new Set();
if ((env.ARCHMATRIX_REGISTRY ?? '').trim() !== '') hosts.add(env.ARCHMATRIX_REGISTRY.trim());
else
  for (const ref of (env.ARCHMATRIX_REFERENCES ?? '').split(/[\s,]+/).filter((r) => r !== '')) {
    const parsed = parseReference(ref);
    if (parsed.ok) hosts.add(parsed.value.domain);
  }
if (hosts.size === 0) fail('no registry to log in to: set registry, or give valid references');

const source = join(env.DOCKER_CONFIG || join(homedir(), '.docker'), 'config.json');
let config = {};
if (existsSync(source)) {
  try {
    const parsed = JSON.parse(readFileSync(source, 'utf8'));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) config = parsed;
  } catch {
    // an unreadable config: start from an empty one
  }
}
const auth = Buffer.from(`${env.ARCHMATRIX_USERNAME}:${env.ARCHMATRIX_PASSWORD}`).toString('base64');
config.auths = typeof config.auths === 'object' && config.auths !== null ? config.auths : {};
delete config.credsStore;
const keys = new Set();
for (const host of hosts) {
  keys.add(host);
  keys.add(credentialKey(host));
  config.auths[credentialKey(host)] = { auth };
}
if (typeof config.credHelpers === 'object' && config.credHelpers !== null)
  config.credHelpers = Object.fromEntries(Object.entries(config.credHelpers).filter(([host]) => !keys.has(host)));
const dir = join(env.RUNNER_TEMP || tmpdir(), `archmatrix-docker-config-${randomBytes(6).toString('hex')}`);
mkdirSync(dir, { recursive: true, mode: 0o700 });
writeFileSync(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
process.stdout.write(`${dir}\n`);
