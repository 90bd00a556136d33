// Grapheme clusters, as Terraform counts characters, segmented in windows (Intl.Segmenter is quadratic on long
// text: length() of a 200,000-character string took 55 s): the windows must give exactly the whole-text clusters.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { graphemeCount, graphemes } from '../../../src/evaluate/functions/args.js';

const PIECES = ['a', 'é', 'e\u0301', '\r\n', '🇫🇷', '🇩🇪', '👨‍👩‍👧', '\u0915\u094d\u0937', 'x', '\u{1F3FD}', '🧑🏽‍🚀'];

function mixed(seed: number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    s += PIECES[seed % PIECES.length];
  }
  return s;
}

describe('graphemes in windows', () => {
  it('equal the clusters of the whole text, across many window boundaries (combining marks, flags, ZWJ, CRLF, conjuncts)', () => {
    const whole = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    for (const seed of [1, 7, 42]) {
      const s = mixed(seed, 3000);
      const want: string[] = [];
      for (const x of whole.segment(s.slice(0, 9000))) want.push(x.segment);
      assert.deepEqual(graphemes(s.slice(0, 9000)), want, `seed ${seed}`);
    }
  });

  it('count a 200,000-character string (one cluster per letter; CRLF is one)', () => {
    assert.equal(graphemeCount('a'.repeat(200_000)), 200_000);
    assert.equal(graphemeCount('ab\r\n'.repeat(50_000)), 150_000);
  });
});
