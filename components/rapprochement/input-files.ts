/**
 * What the side panel's inputs hand the reader: files chosen in the picker or dropped, folders
 * dropped walked to their files (an AAF delivery is a folder: DOMAIN.md "The AAF feed"), each file
 * refused from its size before its bytes are read (issue 15, points 6 and 7).
 */
import { assertSizeOf } from '../../lib/input/limits';
import type { InputFile } from '../../lib/input/source';

/**
 * Reads the chosen files' bytes, after checking every size first (`File.size`), so that a file
 * above the limit is refused without being read and without reading the others.
 * @throws InputError (`too-large`) naming the first file above the limit, its size and the limit.
 */
export async function toInputFiles(list: readonly File[]): Promise<InputFile[]> {
  for (const f of list) assertSizeOf(f.name, f.size);
  return Promise.all(list.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/** Files a folder of the directory side may hold: the CLI reads the same (scripts/reconcile.ts), DTDs listed as skipped. */
const DIRECTORY_FILE = /\.(xml|csv|tsv|txt|dtd)$/i;

/** The files of a drop, folders walked; `skipped` names the files of folders that are not directory files. */
export interface DroppedFiles {
  files: File[];
  skipped: string[];
}

/** The part of the File and Directory Entries API a drop gives (`DataTransferItem.webkitGetAsEntry`). */
export interface DropEntry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
  file?: (ok: (f: File) => void, fail: (e: unknown) => void) => void;
  createReader?: () => { readEntries: (ok: (entries: DropEntry[]) => void, fail: (e: unknown) => void) => void };
}

/**
 * Takes the entries of a drop; must be called during the drop event (the items are emptied after
 * it), the walk itself runs later.
 * @returns one entry per dropped item, or undefined for an item the browser gives no entry for.
 */
export function dropEntries(data: DataTransfer): (DropEntry | undefined)[] {
  const out: (DropEntry | undefined)[] = [];
  for (let i = 0; i < data.items.length; i++) {
    const item = data.items[i];
    if (item.kind !== 'file') continue;
    out.push((item.webkitGetAsEntry?.() ?? undefined) as DropEntry | undefined);
  }
  return out;
}

/**
 * Walks dropped entries: files as they are, folders (and sub-folders) to the directory files they
 * hold, in path order; hidden files skipped silently (`.DS_Store`), other files listed in `skipped`.
 * @param fallback the drop's `files`, used where an item gave no entry.
 */
export async function walkDrop(entries: readonly (DropEntry | undefined)[], fallback: readonly File[]): Promise<DroppedFiles> {
  const files: File[] = [];
  const skipped: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (!entry) {
      if (fallback[i]) files.push(fallback[i]);
    } else if (entry.isFile) files.push(await fileOf(entry));
    else if (entry.isDirectory) {
      const found: { path: string; entry: DropEntry }[] = [];
      await collect(entry, found);
      found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      for (const f of found) {
        if (f.entry.name.startsWith('.')) continue;
        if (DIRECTORY_FILE.test(f.entry.name)) files.push(await fileOf(f.entry));
        else skipped.push(f.path.replace(/^\//, ''));
      }
    }
  }
  return { files, skipped };
}

async function collect(dir: DropEntry, out: { path: string; entry: DropEntry }[]): Promise<void> {
  const reader = dir.createReader?.();
  if (!reader) return;
  // readEntries gives its entries in batches (100 in Chromium) until an empty one.
  for (;;) {
    const batch = await new Promise<DropEntry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) return;
    for (const e of batch) {
      if (e.isDirectory && !e.name.startsWith('.')) await collect(e, out);
      else if (e.isFile) out.push({ path: e.fullPath, entry: e });
    }
  }
}

function fileOf(entry: DropEntry): Promise<File> {
  return new Promise((ok, fail) => {
    if (!entry.file) fail(new Error(`no file for ${entry.fullPath}`));
    else entry.file(ok, fail);
  });
}
