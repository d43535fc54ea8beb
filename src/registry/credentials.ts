/**
 * The credentials port the registry reader receives. The CLI passes the docker CLI's stored logins
 * (src/adapters/dockerCredentials.ts); the backend in Docker Desktop's VM, which cannot reach the host's
 * credential store, passes `noCredentials` (public images still work with anonymous tokens).
 */

export type RegistryCredential =
  | { readonly kind: 'basic'; readonly username: string; readonly password: string }
  /** An OAuth refresh token (docker's `identitytoken`, or a helper's Username "<token>"). */
  | { readonly kind: 'identity-token'; readonly token: string };

export interface CredentialsPort {
  /** The credential for a registry host as named in references ("docker.io", "127.0.0.1:5101"); undefined when none. Never throws. */
  get(host: string): Promise<RegistryCredential | undefined>;
}

export const noCredentials: CredentialsPort = { get: () => Promise.resolve(undefined) };

/** Docker Hub's key in config.json and for credential helpers. */
export const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';

/** The server URL docker stores a host's login under (config.json key, helper input). */
export function credentialKey(host: string): string {
  return host === 'docker.io' || host === 'index.docker.io' || host === 'registry-1.docker.io'
    ? DOCKER_HUB_CONFIG_KEY
    : host;
}
