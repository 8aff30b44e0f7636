/**
 * The rules of the house about who may import whom (issue 19): `lib/core` is the ground floor and
 * leans on nothing else of `lib/`; the data model, the readers, the store and the reports never lean
 * on the rules of `lib/checks`; `lib/` never imports the UI; and no module imports itself back
 * through a cycle. Read from the source files, so a new import that breaks a rule fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const LIB = join(ROOT, 'lib');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The project files `file` imports (relative specifiers only), resolved to paths from the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*'(\.[^']+)'/g)) {
    const base = resolve(dirname(file), m[1]);
    for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
      try {
        if (statSync(candidate).isFile()) {
          out.push(relative(ROOT, candidate));
          break;
        }
      } catch {
        // not this one
      }
    }
  }
  return out;
}

const graph = new Map(sources(LIB).map((f) => [relative(ROOT, f), importsOf(f)]));

describe('the layers of lib/', () => {
  it('reads a realistic graph (the test sees the imports it checks)', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('lib/core/person.ts')).toContain('lib/core/localized.ts');
  });

  it('lib/core imports nothing else of lib/', () => {
    const bad = [...graph].flatMap(([f, deps]) => (f.startsWith('lib/core/') ? deps.filter((d) => !d.startsWith('lib/core/')).map((d) => `${f} → ${d}`) : []));
    expect(bad).toEqual([]);
  });

  it('no module below the rules imports lib/checks', () => {
    const below = ['lib/core/', 'lib/input/', 'lib/directory/', 'lib/pronote/', 'lib/store/', 'lib/report/', 'lib/matching/'];
    const bad = [...graph].flatMap(([f, deps]) =>
      below.some((b) => f.startsWith(b)) ? deps.filter((d) => d.startsWith('lib/checks/')).map((d) => `${f} → ${d}`) : [],
    );
    expect(bad).toEqual([]);
  });

  it('lib/ imports nothing outside lib/ (no UI, no entrypoint, no script)', () => {
    const bad = [...graph].flatMap(([f, deps]) => deps.filter((d) => !d.startsWith('lib/')).map((d) => `${f} → ${d}`));
    expect(bad).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      path.push(f);
      for (const d of graph.get(f) ?? []) {
        if (state.get(d) === 'open') cycles.push([...path.slice(path.indexOf(d)), d].join(' → '));
        else if (!state.has(d)) visit(d);
      }
      path.pop();
      state.set(f, 'done');
    };
    for (const f of graph.keys()) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });
});
