/**
 * The registry reader's CredentialsPort from the docker CLI's stored logins: $DOCKER_CONFIG/config.json
 * (default ~/.docker) `credHelpers[host]`, then `credsStore`, then `auths[host]` (base64 `auth` =
 * user:password, or `identitytoken`). A helper runs as `docker-credential-<name> get` with the server
 * URL on stdin, through execFile without a shell; its name is validated first. Never throws: a broken
 * config or helper means "no credential", and the registry's 401 then says which `docker login` to run.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isRecord, type JsonRecord } from '../core/json.js';
import { credentialKey, type CredentialsPort, type RegistryCredential } from '../registry/credentials.js';

/** What docker-credential-<name> answers on stdout. */
export interface HelperAnswer {
  readonly Username?: unknown;
  readonly Secret?: unknown;
}

/** Runs `docker-credential-<name> get` with serverUrl on stdin; undefined when it has nothing or fails. */
export type HelperRunner = (helperName: string, serverUrl: string) => Promise<HelperAnswer | undefined>;

export interface DockerCredentialsOptions {
  /** Default: $DOCKER_CONFIG, else ~/.docker. */
  readonly configDir?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly runHelper?: HelperRunner;
  /** Milliseconds a helper may take (default 10 s). */
  readonly helperTimeoutMs?: number;
}

const HELPER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}$/;
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export function validHelperName(name: unknown): name is string {
  return typeof name === 'string' && HELPER_NAME.test(name);
}

export function execFileHelper(timeoutMs: number, env?: NodeJS.ProcessEnv): HelperRunner {
  return (name, serverUrl) =>
    new Promise((resolve) => {
      if (!validHelperName(name)) return resolve(undefined);
      const child = execFile(
        `docker-credential-${name}`,
        ['get'],
        { timeout: timeoutMs, maxBuffer: 1024 * 1024, shell: false, env: env ?? process.env },
        (error, stdout) => {
          if (error) return resolve(undefined);
          try {
            const answer: unknown = JSON.parse(stdout);
            resolve(isRecord(answer) ? (answer as HelperAnswer) : undefined);
          } catch {
            resolve(undefined);
          }
        },
      );
      child.on('error', () => resolve(undefined));
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(serverUrl);
    });
}

/** "https://index.docker.io/v1/" -> "index.docker.io"; "127.0.0.1:5101" stays; docker's own normalisation. */
function hostOfKey(key: string): string {
  return key.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? '';
}

function sameRegistry(key: string, host: string): boolean {
  const wanted = credentialKey(host);
  if (key === wanted) return true;
  const a = hostOfKey(key);
  const b = hostOfKey(wanted);
  const hub = new Set(['index.docker.io', 'docker.io', 'registry-1.docker.io']);
  return a === b || (hub.has(a) && hub.has(b));
}

function decodeAuth(entry: JsonRecord): RegistryCredential | undefined {
  if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '')
    return { kind: 'identity-token', token: entry.identitytoken };
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(
        Uint8Array.from(atob(entry.auth), (c) => c.charCodeAt(0)),
      );
    } catch {
      return undefined;
    }
    const colon = text.indexOf(':');
    if (colon <= 0) return undefined;
    return { kind: 'basic', username: text.slice(0, colon), password: text.slice(colon + 1) };
  }
  if (typeof entry.username === 'string' && typeof entry.password === 'string') {
    return { kind: 'basic', username: entry.username, password: entry.password };
  }
  return undefined;
}

function fromHelper(answer: HelperAnswer | undefined): RegistryCredential | undefined {
  if (!answer || typeof answer.Secret !== 'string' || answer.Secret === '') return undefined;
  if (answer.Username === '<token>') return { kind: 'identity-token', token: answer.Secret };
  if (typeof answer.Username !== 'string' || answer.Username === '') return undefined;
  return { kind: 'basic', username: answer.Username, password: answer.Secret };
}

export function dockerConfigCredentials(options: DockerCredentialsOptions = {}): CredentialsPort {
  const env = options.env ?? process.env;
  const dir =
    options.configDir ??
    (env.DOCKER_CONFIG && env.DOCKER_CONFIG !== '' ? env.DOCKER_CONFIG : join(homedir(), '.docker'));
  const runHelper = options.runHelper ?? execFileHelper(options.helperTimeoutMs ?? 10_000, env);
  let config: Promise<JsonRecord> | undefined;
  const load = (): Promise<JsonRecord> => {
    config ??= readFile(join(dir, 'config.json'))
      .then((buf) => {
        if (buf.byteLength > MAX_CONFIG_BYTES) return {};
        const doc: unknown = JSON.parse(buf.toString('utf8'));
        return isRecord(doc) ? doc : {};
      })
      .catch(() => ({}));
    return config;
  };
  const answers = new Map<string, Promise<RegistryCredential | undefined>>();

  const lookUp = async (host: string): Promise<RegistryCredential | undefined> => {
    const doc = await load();
    const key = credentialKey(host);
    const helpers = isRecord(doc.credHelpers) ? doc.credHelpers : {};
    const perHost = Object.entries(helpers).find(([k]) => sameRegistry(k, host))?.[1];
    const helper = perHost ?? doc.credsStore;
    if (validHelperName(helper)) {
      const fromStore = fromHelper(await runHelper(helper, key).catch(() => undefined));
      if (fromStore) return fromStore;
    }
    const auths = isRecord(doc.auths) ? doc.auths : {};
    for (const [k, entry] of Object.entries(auths)) {
      if (sameRegistry(k, host) && isRecord(entry)) {
        const credential = decodeAuth(entry);
        if (credential) return credential;
      }
    }
    return undefined;
  };

  return {
    get: (host) => {
      let answer = answers.get(host);
      if (!answer) {
        answer = lookUp(host).catch(() => undefined);
        answers.set(host, answer);
      }
      return answer;
    },
  };
}
