// IP network functions: cidrsubnet, cidrsubnets, cidrhost, cidrnetmask (IPv4 and IPv6).
import type { Value } from '../value.js';
import { fail, int, str } from './args.js';
import type { FunctionSpec } from './types.js';

interface Network {
  v6: boolean;
  bits: number; // 32 or 128
  base: bigint; // network address (host bits cleared)
  prefix: number;
}

function parseIPv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0n;
  for (const p of parts) {
    // Go refuses leading zeros (they could be read as octal).
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return undefined;
    n = (n << 8n) | BigInt(p);
  }
  return n;
}

function parseIPv6(s: string): bigint | undefined {
  let text = s;
  let tail: bigint[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    const v4 = parseIPv4(text.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    tail = [v4 >> 16n, v4 & 0xffffn];
    text = text.slice(0, lastColon + 1);
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const group = (h: string): bigint[] | undefined => {
    if (h === '') return [];
    const out: bigint[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(BigInt(`0x${g}`));
    }
    return out;
  };
  const head = group(halves[0]!);
  const rest = halves.length === 2 ? group(halves[1]!) : [];
  if (!head || !rest) return undefined;
  const given = [...head, ...rest, ...tail];
  const groups = halves.length === 2 ? [...head, ...Array<bigint>(8 - given.length).fill(0n), ...rest, ...tail] : given;
  if (groups.length !== 8 || (halves.length === 2 && given.length > 7)) return undefined;
  return groups.reduce((n, g) => (n << 16n) | g, 0n);
}

function parseCIDR(value: Value): Network {
  const s = str(value, 'prefix');
  const m = /^([^/]+)\/(\d{1,3})$/.exec(s);
  const v6 = m?.[1]!.includes(':') ?? false;
  const addr = m ? (v6 ? parseIPv6(m[1]!) : parseIPv4(m[1]!)) : undefined;
  const bits = v6 ? 128 : 32;
  const prefix = m ? Number(m[2]) : NaN;
  if (addr === undefined || !(prefix <= bits)) fail(`invalid CIDR address: ${s}`);
  const hostBits = BigInt(bits - prefix);
  return { v6, bits, prefix, base: (addr >> hostBits) << hostBits };
}

function formatIPv4(n: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 0xffn)).join('.');
}

/** RFC 5952 text, as Go writes IPv6 addresses: the longest run of two or more zero groups becomes "::". */
function formatIPv6(n: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((n >> BigInt(112 - i * 16)) & 0xffffn));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

function formatAddr(net: Network, n: bigint): string {
  return net.v6 ? formatIPv6(n) : formatIPv4(n);
}

function subnet(net: Network, newbits: number, netnum: number): string {
  if (newbits < 0) fail('invalid value for "newbits" parameter: must not be negative');
  const prefix = net.prefix + newbits;
  if (prefix > net.bits) fail(`insufficient address space to extend prefix of ${net.prefix} by ${newbits}`);
  const max = 1n << BigInt(newbits);
  if (netnum < 0 || BigInt(netnum) >= max) fail(`prefix extension of ${newbits} does not accommodate a subnet numbered ${netnum}`);
  return `${formatAddr(net, net.base | (BigInt(netnum) << BigInt(net.bits - prefix)))}/${prefix}`;
}

function cidrsubnet([p, b, n]: Value[]): Value {
  return subnet(parseCIDR(p!), int(b!, 'newbits'), int(n!, 'netnum'));
}

/** Consecutive subnets of the given sizes, each aligned after the previous one. */
function cidrsubnets([p, ...sizes]: Value[]): Value {
  const net = parseCIDR(p!);
  let next = net.base;
  const end = net.base + (1n << BigInt(net.bits - net.prefix));
  return sizes.map((s, i) => {
    const newbits = int(s, 'newbits');
    if (newbits < 1) fail(`invalid value for "newbits" parameter: must be at least 1, got ${newbits}`);
    const prefix = net.prefix + newbits;
    if (prefix > net.bits) fail(`would extend prefix to ${prefix} bits, which is too long for an IPv${net.v6 ? 6 : 4} address`);
    const size = 1n << BigInt(net.bits - prefix);
    const start = ((next + size - 1n) / size) * size;
    if (start + size > end)
      fail(
        `not enough remaining address space for a subnet with a prefix of ${prefix} bits after ${i === 0 ? formatAddr(net, net.base) : formatAddr(net, next - 1n)}`,
      );
    next = start + size;
    return `${formatAddr(net, start)}/${prefix}`;
  });
}

function cidrhost([p, h]: Value[]): Value {
  const net = parseCIDR(p!);
  const hostnum = int(h!, 'hostnum');
  const size = 1n << BigInt(net.bits - net.prefix);
  const n = hostnum < 0 ? size + BigInt(hostnum) : BigInt(hostnum);
  if (n < 0n || n >= size) fail(`prefix of ${net.prefix} does not accommodate a host numbered ${hostnum}`);
  return formatAddr(net, net.base + n);
}

function cidrnetmask([p]: Value[]): Value {
  const net = parseCIDR(p!);
  if (net.v6) fail('only IPv4 networks are supported');
  return formatIPv4(((1n << 32n) - 1n) ^ ((1n << BigInt(32 - net.prefix)) - 1n));
}

export const networkFunctions: Record<string, FunctionSpec> = {
  cidrsubnet: { fn: cidrsubnet, minArgs: 3, maxArgs: 3 },
  cidrsubnets: { fn: cidrsubnets, minArgs: 1, maxArgs: Infinity },
  cidrhost: { fn: cidrhost, minArgs: 2, maxArgs: 2 },
  cidrnetmask: { fn: cidrnetmask, minArgs: 1, maxArgs: 1 },
};
