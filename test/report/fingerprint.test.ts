// primaryLocationLineHash: the values github/codeql-action's own tests expect for these inputs, and
// stability when lines are added above a finding.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineHashes, lineHashes } from '../../src/report/fingerprint.js';

const hashes = (text: string): string[] => lineHashes(text).slice(1);

/** upload-sarif's algorithm written the direct way, with BigInt: the reference for the two-halves arithmetic. */
function referenceHashes(text: string): string[] {
  const mask = (1n << 64n) - 1n;
  const hashes: string[] = [];
  const seen = new Map<string, number>();
  const chars = [...text.replace(/\r\n?/g, '\n').replace(/[ \t]/g, '')].flatMap((ch) => [...ch].map((_, i) => ch.charCodeAt(i)));
  const codes = [...Array.from({ length: chars.length }, (_, i) => chars[i]!), 0xffff];
  let lineStart = 0;
  for (let i = 0; i < codes.length; i++) {
    if (i !== lineStart) continue;
    let hash = 0n;
    for (let j = 0; j < 100; j++) hash = (hash * 37n + BigInt(codes[i + j] ?? 0)) & mask;
    const hex = hash.toString(16);
    const n = (seen.get(hex) ?? 0) + 1;
    seen.set(hex, n);
    hashes.push(`${hex}:${n}`);
    const next = codes.indexOf(0x0a, i);
    if (next < 0) break;
    lineStart = next + 1;
  }
  return hashes;
}

describe('lineHashes', () => {
  it('matches upload-sarif on an empty file and on mixed whitespace', () => {
    assert.deepEqual(hashes(''), ['c129715d7a2bc9a3:1']);
    assert.deepEqual(hashes(' a\nb\n  \t\tc\n d'), ['271789c17abda88f:1', '54703d4cd895b18:1', '180aee12dab6264:1', 'a23a3dc5e078b07b:1']);
  });

  it('reads LF, CR and CRLF alike', () => {
    const want = [
      'e9496ae3ebfced30:1',
      'fb7c023a8b9ccb3f:1',
      'ce8ba1a563dcdaca:1',
      'e20e36e16fcb0cc8:1',
      'b3edc88f2938467e:1',
      'c8e28b0b4002a3a0:1',
      'c129715d7a2bc9a3:1',
    ];
    assert.deepEqual(hashes(' hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n'), want);
    assert.deepEqual(hashes(' hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r'), want);
    assert.deepEqual(hashes(' hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n'), want);
    assert.deepEqual(hashes(' hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n'), want);
  });

  it('numbers repeated hashes', () => {
    const h = hashes('Lorem ipsum dolor sit amet.\n'.repeat(10));
    assert.deepEqual(h.slice(0, 7), [
      'a7f2ff13bc495cf2:1',
      'a7f2ff13bc495cf2:2',
      'a7f2ff13bc495cf2:3',
      'a7f2ff13bc495cf2:4',
      'a7f2ff13bc495cf2:5',
      'a7f2ff13bc495cf2:6',
      'a7f2ff1481e87703:1',
    ]);
    assert.equal(h.length, 11);
  });

  it('keeps a line hash when lines are added above it', () => {
    const body = 'resource "aws_cloudtrail" "t" {\n  is_multi_region_trail = false\n}\n';
    const before = lineHashes(body)[2];
    const after = lineHashes('# a comment\nlocals {\n  x = 1\n}\n\n' + body)[7];
    assert.equal(after, before);
    assert.match(before!, /^[0-9a-f]{1,16}:1$/);
  });

  it('agrees with a BigInt reference on random text, high code units and long lines included', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = ['a', 'Z', ' ', '\t', '\n', '\r', '\r\n', '"', '\u00e9', '\uffff', '\ud83d\ude00', '\u8000'];
    for (let round = 0; round < 200; round++) {
      let text = '';
      const length = random(400);
      for (let i = 0; i < length; i++) text += alphabet[random(alphabet.length)]!;
      const want = referenceHashes(text);
      assert.deepEqual(hashes(text), want, JSON.stringify(text));
      // One line at a time, as a scan asks for its findings' lines.
      const table = new LineHashes(text);
      assert.deepEqual(
        want.map((_, i) => table.value(i + 1)),
        want,
        JSON.stringify(text),
      );
      assert.equal(table.value(want.length + 1), undefined);
      assert.equal(table.value(0), undefined);
    }
  });
});
