import { describe, expect, it } from 'vitest';
import { type DropEntry, dropEntries, toInputFiles, walkDrop } from '../../../../components/rapprochement/input-files';
import { InputError } from '../../../../lib/core/person';
import { MAX_INPUT_BYTES } from '../../../../lib/input/limits';

/** A File whose bytes must not be read: its size alone must decide. */
function unreadable(name: string, size: number): File {
  return {
    name,
    size,
    arrayBuffer: () => {
      throw new Error(`${name} was read`);
    },
  } as unknown as File;
}

const file = (name: string, text = `<${name}/>`) => new File([text], name);

/** A fake of the File and Directory Entries API, as a drop gives it. */
function dir(name: string, path: string, children: DropEntry[], batch = 2): DropEntry {
  return {
    isFile: false,
    isDirectory: true,
    name,
    fullPath: path,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok: (e: DropEntry[]) => void) => {
          const out = children.slice(at, at + batch);
          at += batch;
          setTimeout(() => ok(out), 0);
        },
      };
    },
  };
}
function fileEntry(name: string, path: string): DropEntry {
  return { isFile: true, isDirectory: false, name, fullPath: path, file: (ok: (f: File) => void) => ok(file(name)) };
}

describe('side panel inputs', () => {
  it('a file above the limit is refused from File.size, naming it, its size and the limit, none of the files read', async () => {
    const small = unreadable('eleves.xml', 10);
    const big = unreadable('export-300.xml', 300 * 1024 * 1024);
    const e = await toInputFiles([small, big]).catch((x) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe('too-large');
    expect((e as InputError).userMessage.fr).toBe(
      'Le fichier «\u202fexport-300.xml\u202f» fait 300 Mo\u202f: Passerelle lit les fichiers jusqu’à 250 Mo. Exportez un fichier par catégorie ou par établissement.',
    );
    expect((e as InputError).userMessage.en).toContain('"export-300.xml" is 300 MB: Passerelle reads files up to 250 MB');
  });

  it('files at the limit are read', async () => {
    const [f] = await toInputFiles([file('a.xml', 'abc')]);
    expect(f).toEqual({ name: 'a.xml', bytes: new TextEncoder().encode('abc') });
    await expect(
      toInputFiles([{ ...unreadable('b.xml', MAX_INPUT_BYTES), arrayBuffer: async () => new ArrayBuffer(1) } as unknown as File]),
    ).resolves.toHaveLength(1);
  });

  it('a dropped folder is walked (batches, sub-folders) to its directory files in path order; others listed, hidden ones left', async () => {
    const delivery = dir('livraison', '/livraison', [
      fileEntry('Eleve_0001.xml', '/livraison/Eleve_0001.xml'),
      fileEntry('ficAlimMENESR.dtd', '/livraison/ficAlimMENESR.dtd'),
      fileEntry('.DS_Store', '/livraison/.DS_Store'),
      fileEntry('lisez-moi.pdf', '/livraison/lisez-moi.pdf'),
      dir('annexes', '/livraison/annexes', [fileEntry('EtabEducNat_0000.xml', '/livraison/annexes/EtabEducNat_0000.xml')]),
      fileEntry('Complet_PersEducNat_0000.xml', '/livraison/Complet_PersEducNat_0000.xml'),
    ]);
    const loose = fileEntry('onde.csv', '/onde.csv');
    const r = await walkDrop([delivery, undefined, loose], [file('x'), file('sans-entree.csv'), file('onde.csv')]);
    expect(r.files.map((f) => f.name)).toEqual([
      'Complet_PersEducNat_0000.xml',
      'Eleve_0001.xml',
      'EtabEducNat_0000.xml',
      'ficAlimMENESR.dtd',
      'sans-entree.csv',
      'onde.csv',
    ]);
    expect(r.skipped).toEqual(['livraison/lisez-moi.pdf']);
  });

  it('takes one entry per file item of the drop', () => {
    const entry = fileEntry('a.xml', '/a.xml');
    const data = { items: [{ kind: 'string' }, { kind: 'file', webkitGetAsEntry: () => entry }, { kind: 'file', webkitGetAsEntry: () => null }] };
    expect(dropEntries(data as unknown as DataTransfer)).toEqual([entry, undefined]);
  });
});
