// arnName(): the name inside an ARN, so a literal ARN can be followed to the resource it names:
//   cloud_watch_logs_group_arn arnName() references(aws_cloudwatch_log_group, name)
// `arn:aws:logs:us-east-1:123456789012:log-group:trail:*` → `trail`; `arn:aws:sns:us-east-1:1:alerts`
// → `alerts`; `arn:aws:s3:::bucket` → `bucket`. Anything else (a reference, an unknown, text that is
// not an ARN) passes through unchanged, at the same path, so references keep working.
import type { Value } from '../../evaluate/value.js';
import type { Datum, Input, ValueFunction } from './types.js';

/** The resource name of an ARN, or undefined when the text is not an ARN. */
export function arnResourceName(arn: string): string | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  let resource = parts.slice(5);
  // `log-group:NAME[:*]`, `key/ID`, `role/path/NAME`
  if (resource.length > 1 && resource[resource.length - 1] === '*') resource = resource.slice(0, -1);
  if (resource.length > 1) return resource[resource.length - 1] || undefined;
  const r = resource[0]!;
  const slash = r.lastIndexOf('/');
  const name = slash >= 0 ? r.slice(slash + 1) : r;
  return name || undefined;
}

function mapValue(v: Datum): Datum {
  if (typeof v === 'string') return arnResourceName(v) ?? v;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? (arnResourceName(x) ?? x) : x)) as Value;
  return v;
}

export const arnName: ValueFunction = {
  name: 'arnName',
  signature: 'cloud_watch_logs_group_arn arnName() references(aws_cloudwatch_log_group, name)',
  minArgs: 0,
  maxArgs: 0,
  argKinds: [],
  receiver: 'attribute',
  kind: 'value',
  apply: (inputs: Input[]) => inputs.map((i) => ({ ...i, value: mapValue(i.value) })),
};
