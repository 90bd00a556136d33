// The functions every rule can use. Extend a copy with `defaultFunctions().register(spec)`.
import { arnName } from './arn.js';
import { isEmpty, length } from './core.js';
import { after, before } from './dates.js';
import { isFilterPatternConformant, isFilterPatternEqual } from './filterPattern.js';
import { allowedHostsForPort, isPublic } from './network.js';
import { admitsPort, isAnyAddress, networkRules } from './network-rules.js';
import { imdsHttpTokens } from './imds.js';
import { certificateExpiry } from './certificate.js';
import { recordsManagementEvents, recordsS3ObjectEvents } from './selectors.js';
import { FunctionRegistry } from './registry.js';
import { entitiesOf, referencedBy, references } from './related.js';
import {
  allowsEverything,
  allowsPublicAccess,
  allowsServiceWildcard,
  deniesInsecureTransport,
  policyStatements,
  principalAccounts,
} from './policy.js';

const BUILTINS = [
  isEmpty,
  length,
  before,
  after,
  references,
  referencedBy,
  entitiesOf,
  isFilterPatternEqual,
  allowedHostsForPort,
  isFilterPatternConformant,
  arnName,
  policyStatements,
  allowsPublicAccess,
  deniesInsecureTransport,
  allowsEverything,
  allowsServiceWildcard,
  principalAccounts,
  isPublic,
  networkRules,
  admitsPort,
  isAnyAddress,
  imdsHttpTokens,
  certificateExpiry,
  recordsManagementEvents,
  recordsS3ObjectEvents,
];

/** A fresh registry holding the built-in functions. */
export function defaultFunctions(): FunctionRegistry {
  return new FunctionRegistry(BUILTINS);
}

export const DEFAULT_FUNCTIONS: FunctionRegistry = defaultFunctions();
