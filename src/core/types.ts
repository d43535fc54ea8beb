/**
 * The shared vocabulary of Arch Matrix. Every layer (core, commands, CLI, UI)
 * speaks these types; nothing here does I/O.
 */

import type { Verdict } from './verdictTable.js';

/** The verdict values and what each one means live in the verdict table (verdictTable.ts). */
export type { Verdict } from './verdictTable.js';

/** How a failed command is classified (from its stderr / exit status). */
export const FAILURE_KINDS = [
  'not-found',
  'unauthorized',
  'rate-limited',
  'unreachable',
  'tool-missing',
  'timeout',
  'cancelled',
  'access-refused',
  'error',
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export interface CommandFailure {
  readonly kind: FailureKind;
  /** The original message (stderr, trimmed), kept for the details view. */
  readonly message: string;
  readonly exitCode?: number;
}

/** An OCI platform, normalised (see core/platform.ts). */
export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
  /** Windows entries carry the OS build, e.g. 10.0.17763.5329. */
  readonly osVersion?: string;
}

/** "linux/amd64", "linux/arm/v7": the normalised os/arch[/variant] string. */
export type PlatformKey = string;

/**
 * A registry and a repository in it: where an image's manifests and blobs are read from (the registry
 * reader's address of an image, and the deep check's).
 */
export interface Repository {
  /** Registry host[:port] as in references, e.g. "docker.io", "127.0.0.1:5000". */
  readonly domain: string;
  /** Repository path, e.g. "library/alpine", "corpus/good". */
  readonly path: string;
}

/** A validated, normalised image reference (distribution reference grammar): its repository, tag and digest. */
export interface ImageReference extends Repository {
  readonly tag?: string;
  readonly digest?: string;
  /** Fully qualified: "docker.io/library/alpine:latest". Safe to pass to docker as one argument. */
  readonly canonical: string;
  /** As docker shows it: "alpine:latest", "127.0.0.1:5000/corpus/good:1.0.0". */
  readonly familiar: string;
}

export interface ReferenceError {
  readonly kind: 'invalid-reference';
  readonly input: string;
  /** Why, for people: "contains whitespace", "uppercase letters in repository name", ... */
  readonly reason: string;
}

export type ManifestKind = 'oci-index' | 'docker-manifest-list' | 'oci-manifest' | 'docker-manifest';

/** How a manifest names other content (a platform's manifest, a layer, the config): read by descriptor.ts. */
export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
}

/** One runnable image of a multi-platform index. */
export interface PlatformEntry extends Descriptor {
  readonly platform: Platform;
  readonly key: PlatformKey;
}

/** An attestation manifest (buildx provenance/SBOM): listed, never counted as a platform. */
export interface AttestationEntry extends Descriptor {
  /** vnd.docker.reference.type, e.g. "attestation-manifest". */
  readonly referenceType: string;
  /** The digest of the platform manifest it describes (vnd.docker.reference.digest). */
  readonly describes?: string;
}

/** What one platform's image manifest says about its size (core/imageSize.ts). */
export interface ImageSize {
  /** Sum of the layers' sizes (compressed, as stored in the registry): what a pull downloads. */
  readonly layerBytes: number;
  readonly layers: number;
  /** The image config's size (a few KiB). */
  readonly configBytes: number;
}

/** What one manifest (index, list or single) says, in one typed shape. */
export interface ManifestSummary {
  readonly kind: ManifestKind;
  readonly mediaType: string;
  /** sha256 of the raw bytes when known. */
  readonly digest?: string;
  readonly platforms: readonly PlatformEntry[];
  readonly attestations: readonly AttestationEntry[];
  /** Single manifests carry no platform: the config must be read (configDigest says which). */
  readonly needsConfig: boolean;
  readonly configDigest?: string;
  /** A single manifest's own size figures (an index's platforms are each read apart, on demand). */
  readonly size?: ImageSize;
}

/** Where the platforms of a result came from. */
export type InspectSource = 'registry' | 'local-store';

export interface LabelFinding {
  readonly label: string;
  readonly status: 'ok' | 'missing' | 'empty' | 'invalid';
  /** e.g. "not valid JSON: Unexpected token", "not a semver range". */
  readonly detail?: string;
}

export interface VerdictDetail {
  readonly verdict: Verdict;
  /** One line for people: "Published for linux/amd64 only". */
  readonly explanation: string;
  /**
   * What to do, for the image's author or a CI job (the CLI prints it): the exact
   * `docker buildx build --platform=... --push` to run, or the action; absent when nothing to do.
   */
  readonly fix?: string;
  /**
   * What someone who installed the image can do themselves (check for an update, tell the publisher,
   * log in, retry); absent when nothing to do.
   */
  readonly userFix?: string;
  /** The publisher's fix when only a new build can help: the exact build-and-push command. */
  readonly publisherFix?: string;
}

/** One raw command and its output, kept for the details view ("show raw output"). */
export interface CommandRecord {
  readonly argv: readonly string[];
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The full result of inspecting one image: what the matrix shows in a row. */
export interface InspectResult extends VerdictDetail {
  /** The reference as listed (from the engine or as typed). */
  readonly reference: string;
  /** The normalised reference when valid. */
  readonly canonical?: string;
  /** Normalised platform keys that can run, in display order (attestations excluded). */
  readonly platforms: readonly PlatformKey[];
  readonly manifest?: ManifestSummary;
  readonly source?: InspectSource;
  readonly failure?: CommandFailure;
  readonly commands: readonly CommandRecord[];
}
