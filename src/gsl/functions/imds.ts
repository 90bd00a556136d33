// `imdsHttpTokens()`: whether an instance (or the instances a launch template or launch configuration starts) must
// send IMDSv2 session tokens. The setting written (`metadata_options { http_tokens = ... }`) decides; an instance
// launched from a launch template of the configuration without its own setting takes the template's. Nothing
// written: EC2 takes the AMI's `imds_support` and the region's account default (`aws_ec2_instance_metadata_defaults`);
// when the configuration sets that default to `required` it applies, otherwise the answer is unknown.
import { isObject, Unknown, type Value } from '../../evaluate/value.js';
import { resolveReference, type Entity, type World } from '../world.js';
import type { Input, ValueFunction } from './types.js';

function tokensOf(e: Entity): Value | undefined {
  const mo = e.values.metadata_options;
  if (mo instanceof Unknown) return mo;
  const block = Array.isArray(mo) ? mo[0] : mo;
  if (block instanceof Unknown) return block;
  if (!isObject(block)) return undefined;
  const t = block.http_tokens;
  return t === null ? undefined : t;
}

/** The launch template an instance names in `launch_template { id | name }`, when the configuration has it. */
function templateOf(e: Entity, world: World): Entity | undefined {
  if (e.type.toLowerCase() !== 'aws_instance' || !e.references) return undefined;
  const refs = Object.entries(e.references).flatMap(([path, rs]) => (path.startsWith('launch_template') ? rs : []));
  return refs.flatMap((ref) => [...resolveReference(world, ref)]).find((t) => t.type.toLowerCase() === 'aws_launch_template');
}

export const imdsHttpTokens: ValueFunction = {
  name: 'imdsHttpTokens',
  signature: "imdsHttpTokens() = 'required'",
  minArgs: 0,
  maxArgs: 0,
  argKinds: [],
  receiver: 'context',
  kind: 'value',
  apply(inputs, _state, env): Input[] {
    const e = inputs[0]!.entity;
    const own = tokensOf(e);
    if (own !== undefined) return [{ value: own, path: 'metadata_options.0.http_tokens', entity: e }];
    const template = templateOf(e, env.world);
    const inherited = template ? tokensOf(template) : undefined;
    if (template && inherited !== undefined) return [{ value: inherited, path: 'metadata_options.0.http_tokens', entity: template }];
    for (const d of env.world.entitiesOfType('aws_ec2_instance_metadata_defaults')) {
      const t = d.values.http_tokens;
      if (t === 'required') return [{ value: t, path: 'http_tokens', entity: d }];
    }
    const reason = {
      kind: 'expression' as const,
      detail: `${e.id} does not set metadata_options.http_tokens: EC2 then takes the AMI's imds_support and the account's instance metadata defaults for the region, which this configuration does not set`,
    };
    return [{ value: new Unknown([reason]), path: null, entity: e }];
  },
};
