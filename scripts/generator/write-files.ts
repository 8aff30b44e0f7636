/** Writes `OutputFile`s to disk in 1 MB blocks (files of hundreds of MB never sit whole in memory). */
import { closeSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import { makeFolder } from '../make-folder';
import type { OutputFile } from './write-aaf';

/**
 * Writes each file under `dir` (sub-folders made as needed); `onFile` is called before each file.
 * @returns the paths written with their sizes in bytes.
 */
export function writeFiles(dir: string, files: OutputFile[], onFile?: (name: string, index: number, count: number) => void): { path: string; bytes: number }[] {
  const written: { path: string; bytes: number }[] = [];
  for (const file of files) {
    onFile?.(file.name, written.length, files.length);
    const path = join(dir, file.name);
    makeFolder(dirname(path));
    const fd = openSync(path, 'w');
    let bytes = 0;
    let buffer = '';
    const flush = () => {
      const data = file.encoding ? iconv.encode(buffer, file.encoding) : Buffer.from(buffer, 'utf8');
      writeSync(fd, data);
      bytes += data.length;
      buffer = '';
    };
    try {
      for (const chunk of file.chunks()) {
        buffer += chunk;
        if (buffer.length >= 1 << 20) flush();
      }
      flush();
    } finally {
      closeSync(fd);
    }
    written.push({ path, bytes });
  }
  return written;
}

/** A file's whole content as one string (for tests and small files). */
export function contentOf(file: OutputFile): string {
  let text = '';
  for (const chunk of file.chunks()) text += chunk;
  return text;
}

/** A file's whole content as UTF-8 bytes, as a reader is given it (for benchmarks and small files). */
export function bytesOf(file: OutputFile): Uint8Array {
  return new TextEncoder().encode(contentOf(file));
}
