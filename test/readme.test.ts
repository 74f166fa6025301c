import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogMarkdown } from '../src/cli/list-command.js';
import { flavorDifferencesMarkdown, flavorsOfTable } from '../src/cli/flavor-list.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('shows the catalog exactly as the registry has it (run `npm run readme` after changing it)', () => {
    const start = readme.indexOf('<!-- catalog:start');
    const body = readme.slice(readme.indexOf('\n', start) + 1, readme.indexOf('<!-- catalog:end -->'));
    expect(body).toBe(catalogMarkdown());
  });

  it('shows the frameworks’ differences exactly as the flavor registry finds them (npm run readme)', () => {
    const start = readme.indexOf('<!-- flavors:start');
    const body = readme.slice(readme.indexOf('\n', start) + 1, readme.indexOf('<!-- flavors:end -->'));
    expect(body).toBe(flavorDifferencesMarkdown());
    const gelu = readme.indexOf('<!-- flavors-gelu:start');
    const example = readme.slice(readme.indexOf('\n', gelu) + 1, readme.indexOf('<!-- flavors-gelu:end -->'));
    expect(example).toBe('```\n' + flavorsOfTable('gelu') + '```\n');
  });

  it('has a Quick start that installs, tests, puts activ on the PATH and ends with a plain activ', () => {
    const start = readme.indexOf('## Quick start');
    expect(start).toBeGreaterThan(-1);
    const commands = readme
      .slice(start, readme.indexOf('\n## ', start + 1))
      .split('\n')
      .filter((line) => line.startsWith('    '))
      .map((line) => line.trim().replace(/\s+#.*$/, ''));
    expect(commands.slice(0, 4)).toEqual([
      'npm ci',
      'npm test',
      'npm install -g .',
      'activ plot elu --alpha 1 --from -20 --to 20',
    ]);
  });

  it('is written for anyone: no word of a particular machine, and no path outside the repository', () => {
    for (const text of [readme, readFileSync(new URL('../docs/performance.md', import.meta.url), 'utf8')]) {
      expect(text).not.toMatch(/this machine|on this box|\.\.\/shared|design card|\/work\/|\/root\//i);
    }
  });
});
