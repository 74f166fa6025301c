// Batch lines split as a POSIX shell splits words (src/batch/split-line.ts); expected words are
// what `sh -c 'printf "%s\n" WORDS'` prints for the same line, run here where sh exists.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { splitLine } from '../src/batch/split-line.js';

/** The words sh makes of `line` (with nothing expanded: no $ or globs in these lines). */
function shellWords(line: string): string[] {
  const run = spawnSync('sh', ['-c', `printf '%s\\n' ${line}`], { encoding: 'utf8' });
  return run.stdout.split('\n').slice(0, -1);
}

describe('batch lines split as a shell splits them', () => {
  const lines = [
    'elu --color k,#d62728 -o a.png # a comment',
    'elu --title "a #1" -o x.png',
    "elu --xlabel 'it'\\''s #2' -o y.png",
    'elu -o a.png#x',
    'relu gelu --legend upper\\ left -o b.svg',
  ];
  for (const line of lines) {
    it(line, () => {
      expect(splitLine(line)).toEqual(shellWords(line));
    });
  }

  it('refuses a pipe or a redirection: a line is one plot', () => {
    expect(() => splitLine('elu -o a.png | cat')).toThrow(/'\|' is not allowed/);
    expect(() => splitLine('elu > a.png')).toThrow(/'>' is not allowed/);
  });
});
