/**
 * Validates a SARIF log against the OASIS SARIF 2.1.0 JSON Schema kept in test/data/sarif (see its
 * README for the source), with Ajv (draft-07) and ajv-formats for `uri`, `uri-reference`, `date-time`.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';

const SCHEMA: unknown = JSON.parse(readFileSync('test/data/sarif/sarif-schema-2.1.0.json', 'utf8'));

// ajv-formats is CommonJS: its default export arrives as the module object under some loaders.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(SCHEMA as object);

/** The schema's complaints about `log` (empty when it is valid SARIF 2.1.0). */
export function sarifErrors(log: unknown): string[] {
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}
