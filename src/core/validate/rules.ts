/**
 * The rules of `docker extension validate`, as Arch Matrix checks them without Docker Desktop
 * (`archmatrix --validate`): each with where it comes from. The checks that apply them are in
 * this folder (labels, tag, platforms) and src/validate (metadata.json against the schema).
 */
import type { FindingLevel } from '../report/findingLevel.js';

const DOCS = 'https://docs.docker.com/extensions/extensions-sdk';
export const LABELS_DOC = `${DOCS}/extensions/labels/`;
export const METADATA_DOC = `${DOCS}/architecture/metadata/`;
export const MULTI_ARCH_DOC = `${DOCS}/extensions/multi-arch/`;
export const VALIDATE_DOC = `${DOCS}/extensions/validate/`;

export const VALIDATION_RULE_IDS = [
  'validate/label-missing',
  'validate/label-invalid',
  'validate/metadata-missing',
  'validate/metadata-json',
  'validate/metadata-schema',
  'validate/metadata-unknown-key',
  'validate/multi-arch',
  'validate/semver-tag',
  'validate/not-checked',
] as const;
export type ValidationRuleId = (typeof VALIDATION_RULE_IDS)[number];

export interface ValidationRule {
  readonly id: ValidationRuleId;
  readonly title: string;
  readonly description: string;
  readonly level: FindingLevel;
  /** Where the rule comes from: Docker's documentation page or its validator's observed behaviour. */
  readonly source: string;
}

const RULES: Readonly<Record<ValidationRuleId, Omit<ValidationRule, 'id'>>> = {
  'validate/label-missing': {
    title: 'Required label missing or empty',
    description:
      'The image lacks a label Docker requires of extensions (title, description, vendor, API version, icon, screenshots, detailed description, publisher URL, changelog; the validator also requires categories), or it is empty.',
    level: 'error',
    source: `Docker's extension labels page (${LABELS_DOC}); the validator also reports com.docker.extension.categories as required`,
  },
  'validate/label-invalid': {
    title: 'Label of the wrong shape',
    description:
      'A label is present but not of its documented shape: the API version a semver range, the icon and publisher URL http(s) URLs, screenshots and additional URLs JSON lists of {alt|title, url}.',
    level: 'error',
    source: `Docker's extension labels page (${LABELS_DOC})`,
  },
  'validate/metadata-missing': {
    title: 'metadata.json missing',
    description: 'The image has no /metadata.json at the root of its file system (in a linux variant).',
    level: 'error',
    source: `Docker's extension metadata page (${METADATA_DOC}): "The image for a Docker extension must include a metadata.json file at the root of its filesystem"`,
  },
  'validate/metadata-json': {
    title: 'metadata.json is not a JSON object',
    description: '/metadata.json could not be parsed as a JSON object.',
    level: 'error',
    source: `Docker's extension metadata page (${METADATA_DOC})`,
  },
  'validate/metadata-schema': {
    title: 'metadata.json does not match the documented shape',
    description:
      'metadata.json breaks its documented shape: `icon` is required; `ui.dashboard-tab` needs title, root and src; `vm` needs `image` or `composefile`; `host.binaries` is a list of objects keyed by darwin, windows or linux, each a list of {path}.',
    level: 'error',
    source: `Docker's extension metadata page (${METADATA_DOC}), checked as a JSON Schema (docs/publishers.md)`,
  },
  'validate/metadata-unknown-key': {
    title: 'metadata.json has a key the validator rejects',
    description:
      'A top-level key of metadata.json that Docker does not document (e.g. `name`, `provider`): `docker extension validate` rejects it ("Additional property name is not allowed") although some published extensions still carry it. Remove it.',
    level: 'warning',
    source: `docker extension validate's schema (additionalProperties: false), seen rejecting name and provider; Docker's extension metadata page (${METADATA_DOC}) lists icon, ui, vm and host`,
  },
  'validate/multi-arch': {
    title: 'Not pushed for linux/amd64 and linux/arm64',
    description:
      'Docker requires every extension image in both linux/amd64 and linux/arm64: the validator fails with "Use --platform=linux/amd64,linux/arm64 when pushing your image".',
    level: 'error',
    source: `docker extension validate's "image is multiplatform" step; Docker's multi-arch page (${MULTI_ARCH_DOC})`,
  },
  'validate/semver-tag': {
    title: 'Tag is not a semantic version',
    description:
      'The marketplace and the validator want a semver tag (e.g. 1.2.0): updates are offered from semver tags only.',
    level: 'error',
    source: `docker extension validate's "image tag is semver" step (${VALIDATE_DOC})`,
  },
  'validate/not-checked': {
    title: 'Could not be validated',
    description:
      'The image could not be read from its registry (login needed, not found, unreachable): nothing of it could be validated.',
    level: 'error',
    source: 'Arch Matrix: the validation needs the pushed image',
  },
};

export const VALIDATION_RULES: readonly ValidationRule[] = VALIDATION_RULE_IDS.map((id) => ({ id, ...RULES[id] }));
