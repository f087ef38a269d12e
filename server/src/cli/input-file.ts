import { constants, type Stats } from "node:fs";
import { open, stat, type FileHandle } from "node:fs/promises";
import { createGunzip } from "node:zlib";
import { ValidationError } from "../domain/shared/errors.js";

/** Decompressed bytes we accept from one .gz before calling it a bomb. Far above any real order export. */
export const DEFAULT_MAX_INPUT_BYTES = 2 * 1024 ** 3;

export interface InputOptions {
  /** Cap on the decompressed size of a gzip file (tests set it small). */
  maxInputBytes?: number;
}

const CHUNK = 64 * 1024;

/**
 * A file as a stream of UTF-8 text chunks (BOM dropped), gunzipped when it starts with gzip's magic bytes.
 * Only regular files are read: a device (/dev/zero), a FIFO or a directory would hang or fail halfway, so they are
 * refused up front. Every refusal is a ValidationError (exit 2) that names the file and the reason.
 */
export async function* readTextChunks(path: string, options: InputOptions = {}): AsyncGenerator<string> {
  const handle = await openRegularFile(path);
  const gzip = await startsWithGzipMagic(handle, path);
  const raw = handle.createReadStream({ start: 0, highWaterMark: CHUNK });
  const decoder = new TextDecoder("utf-8");
  let first = true;
  const emit = (text: string) => {
    if (first && text.length) {
      first = false;
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    }
    return text;
  };
  if (!gzip) {
    try {
      for await (const buf of raw as AsyncIterable<Buffer>) yield emit(decoder.decode(buf, { stream: true }));
    } catch (e) {
      throw new ValidationError(`Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    yield emit(decoder.decode());
    return;
  }
  const cap = options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const gunzip = createGunzip({ chunkSize: 64 * 1024 });
  raw.on("error", (e) => gunzip.destroy(e));
  raw.pipe(gunzip);
  let total = 0;
  try {
    for await (const buf of gunzip as AsyncIterable<Buffer>) {
      total += buf.length;
      if (total > cap) throw new ValidationError(`${path} expands past ${formatBytes(cap)}: refusing (gzip bomb?)`);
      yield emit(decoder.decode(buf, { stream: true }));
    }
  } catch (e) {
    if (e instanceof ValidationError) throw e;
    const err = e as NodeJS.ErrnoException;
    if (err.code?.startsWith("Z_")) throw new ValidationError(`${path} is not a valid gzip file (${err.message})`);
    throw new ValidationError(`Cannot read ${path}: ${err.code ?? String(e)}`);
  } finally {
    raw.destroy();
    gunzip.destroy();
  }
  yield emit(decoder.decode());
}

/** Opens without blocking (a FIFO with no writer would block open itself) and insists on a regular file. */
async function openRegularFile(path: string): Promise<FileHandle> {
  let before: Stats;
  try {
    before = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new ValidationError(`File not found: ${path}`);
    throw new ValidationError(`Cannot read ${path}: ${code ?? String(e)}`);
  }
  if (!before.isFile()) throw notRegular(path, before);
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new ValidationError(`Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  // The path could have been swapped between stat and open; what we actually opened is what counts.
  const opened = await handle.stat();
  if (!opened.isFile()) {
    await handle.close();
    throw notRegular(path, opened);
  }
  return handle;
}

function notRegular(path: string, s: Stats): ValidationError {
  const kind = s.isDirectory()
    ? "directory"
    : s.isCharacterDevice()
      ? "character device"
      : s.isBlockDevice()
        ? "block device"
        : s.isFIFO()
          ? "FIFO (named pipe)"
          : s.isSocket()
            ? "socket"
            : "special file";
  return new ValidationError(`Cannot read ${path}: it is a ${kind}, not a regular file`);
}

async function startsWithGzipMagic(handle: FileHandle, path: string): Promise<boolean> {
  const head = Buffer.alloc(2);
  try {
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    if (bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b) return true;
  } catch (e) {
    await handle.close();
    throw new ValidationError(`Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (path.endsWith(".gz")) {
    await handle.close();
    throw new ValidationError(`${path} is not a valid gzip file (no gzip header)`);
  }
  return false;
}

export function formatBytes(n: number): string {
  const units = ["bytes", "KB", "MB", "GB", "TB"];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[i]}`;
}
