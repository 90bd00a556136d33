// The JSON schema of a check file (validated with ajv at load; docs/checks.md describes every field).
import { ALIAS_TOOLS, SEVERITIES } from './model.js';

const nonEmptyString = { type: 'string', minLength: 1 } as const;
const stringList = { type: 'array', items: nonEmptyString } as const;

export const CHECK_SCHEMA = {
  $id: 'https://tfguard.dev/schemas/check.json',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'severity', 'description', 'remediation', 'logic', 'tests'],
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*$' },
    title: nonEmptyString,
    severity: { enum: [...SEVERITIES] },
    description: nonEmptyString,
    remediation: nonEmptyString,
    references: { type: 'array', items: { type: 'string', pattern: '^https?://' } },
    compliance: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        minProperties: 1,
        additionalProperties: { type: 'array', minItems: 1, items: nonEmptyString },
      },
    },
    mitre: { type: 'array', items: { type: 'string', pattern: '^TA\\d{4}:T\\d{4}(\\.\\d{3})?$' } },
    aliases: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(ALIAS_TOOLS.map((t) => [t, stringList])),
    },
    requires: { type: 'array', uniqueItems: true, items: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*$' } },
    dedup: {
      type: 'object',
      additionalProperties: false,
      properties: {
        by: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$' } },
        window: { type: 'integer', minimum: 1 },
        threshold: { type: 'integer', minimum: 1 },
      },
    },
    messages: {
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: { when: nonEmptyString, text: nonEmptyString },
      },
    },
    fix: {
      type: 'object',
      additionalProperties: false,
      required: ['set', 'value'],
      properties: {
        set: { type: 'string', pattern: '^[a-z_][a-z0-9_]*$' },
        value: { type: 'string', pattern: '^(true|false|-?[0-9]+|"[^"\\\\$%]*")$' },
      },
    },
    logic: nonEmptyString,
    tests: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'expect'],
        properties: {
          name: nonEmptyString,
          expect: { enum: ['fail', 'pass', 'unknown'] },
          terraform: nonEmptyString,
          resource: {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'values'],
            properties: { type: nonEmptyString, values: { type: 'object' } },
          },
          plan: { type: 'object' },
          snapshot: { type: 'object' },
          log: { type: 'object' },
          now: nonEmptyString,
        },
      },
    },
  },
} as const;
