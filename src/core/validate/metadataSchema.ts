/**
 * metadata.json's shape as a JSON Schema (draft-07), written from Docker's extension metadata page
 * (https://docs.docker.com/extensions/extensions-sdk/architecture/metadata/) and what the validator is
 * seen to do. Docker publishes its own schema only as a release asset of its extension CLI, so this is
 * ours: `icon` required; `ui.dashboard-tab` with title, root and src; `vm` with `image` or `composefile`
 * (and `exposes.socket`); `host.binaries` a list of objects keyed by darwin, windows or linux, each a list
 * of {path}; no other top-level key (the validator rejects e.g. `name` and `provider`, which some
 * published extensions still carry: Arch Matrix reports those as warnings). Pure data.
 */
const nonEmpty = { type: 'string', minLength: 1 } as const;

const binaryList = {
  type: 'array',
  items: {
    type: 'object',
    required: ['path'],
    properties: { path: nonEmpty },
  },
} as const;

export const METADATA_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/archmatrix/arch-matrix/blob/main/docs/publishers.md',
  title: 'Docker Desktop extension metadata.json (from Docker’s documentation)',
  type: 'object',
  required: ['icon'],
  additionalProperties: false,
  properties: {
    icon: nonEmpty,
    ui: {
      type: 'object',
      properties: {
        'dashboard-tab': {
          type: 'object',
          required: ['title', 'root', 'src'],
          properties: {
            title: nonEmpty,
            root: nonEmpty,
            src: nonEmpty,
            backend: {
              type: 'object',
              properties: { socket: nonEmpty },
            },
          },
        },
      },
    },
    vm: {
      type: 'object',
      anyOf: [{ required: ['image'] }, { required: ['composefile'] }],
      properties: {
        image: nonEmpty,
        composefile: nonEmpty,
        exposes: {
          type: 'object',
          properties: { socket: nonEmpty },
        },
      },
    },
    host: {
      type: 'object',
      properties: {
        binaries: {
          type: 'array',
          items: {
            type: 'object',
            propertyNames: { enum: ['darwin', 'windows', 'linux'] },
            properties: { darwin: binaryList, windows: binaryList, linux: binaryList },
          },
        },
      },
    },
  },
} as const;

/** The keys the schema knows at the top level (anything else is a warning). */
export const METADATA_KEYS: readonly string[] = Object.keys(METADATA_SCHEMA.properties);
