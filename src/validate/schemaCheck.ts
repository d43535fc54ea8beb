/**
 * metadata.json against its JSON Schema (core/validate/metadataSchema.ts) with Ajv, a maintained
 * validator (no hand checks), every error reported (allErrors). Compiled once, on first use.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { METADATA_SCHEMA, type SchemaError } from '../core/index.js';

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(METADATA_SCHEMA);
  return compiled;
}

/** The schema's errors for a parsed metadata.json (empty when it matches). */
export function metadataSchemaErrors(doc: unknown): SchemaError[] {
  const validate = validator();
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e) => ({
    instancePath: e.instancePath,
    schemaPath: e.schemaPath,
    keyword: e.keyword,
    params: e.params as Record<string, unknown>,
    ...(e.message !== undefined ? { message: e.message } : {}),
  }));
}
