// `certificateExpiry()`: the end of the validity (notAfter) of a PEM X.509 certificate, as an ISO-8601 timestamp, for
// `before()`/`after()`: `certificate_body certificateExpiry() before(0, 'days')` is an expired certificate. Read with
// Node's X.509 parser; text that is not a certificate is unknown, with the reason.
import { X509Certificate } from 'node:crypto';
import { Unknown, type Value } from '../../evaluate/value.js';
import type { Input, ValueFunction } from './types.js';

/** The notAfter of the first certificate in `pem`, or why there is none. */
export function pemExpiry(pem: string): { at: string } | { problem: string } {
  const begin = pem.indexOf('-----BEGIN CERTIFICATE-----');
  if (begin < 0) return { problem: 'no PEM certificate (-----BEGIN CERTIFICATE-----) in the text' };
  try {
    const cert = new X509Certificate(pem.slice(begin));
    const at = new Date(cert.validTo);
    if (Number.isNaN(at.getTime())) return { problem: `the certificate's notAfter (${cert.validTo}) is not a date` };
    return { at: at.toISOString() };
  } catch (e) {
    return { problem: `the PEM certificate cannot be read (${(e as Error).message})` };
  }
}

function expiry(v: Value | undefined): Value | undefined {
  if (typeof v !== 'string') return v;
  const r = pemExpiry(v);
  return 'at' in r ? r.at : new Unknown([{ kind: 'expression', detail: r.problem }]);
}

export const certificateExpiry: ValueFunction = {
  name: 'certificateExpiry',
  signature: "certificate_body certificateExpiry() before(0, 'days')",
  minArgs: 0,
  maxArgs: 0,
  argKinds: [],
  receiver: 'attribute',
  kind: 'value',
  apply: (inputs): Input[] => inputs.map((i) => ({ ...i, value: i.value === undefined ? undefined : expiry(i.value as Value) })),
};
