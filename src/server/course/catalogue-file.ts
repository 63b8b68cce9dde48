import { readFileSync, statSync } from 'node:fs';
import { catalogueSchema } from '../../shared/catalogue.ts';
import { type CatalogueIndex, type CurrentCatalogue, indexCatalogue } from './catalogue-index.ts';

/** The build's catalogue is missing or unreadable at start: the server cannot place events. */
export class CatalogueFileError extends Error {}

/**
 * Reads the catalogue the build wrote (see src/shared/catalogue.ts) and reads it again whenever
 * the file changes: a new build copied over a running server brings new lessons and sections.
 * Missing or invalid at start is an error, since every event would then be unplaceable; a file
 * that breaks later (half copied) leaves the last good catalogue in use until it is whole again.
 */
export function watchCatalogueFile(file: string): CurrentCatalogue {
  let read = { version: versionOf(file), index: readIndex(file) };
  return () => {
    const version = versionOf(file);
    if (version !== read.version) {
      try {
        read = { version, index: readIndex(file) };
      } catch {
        // Half written: keep serving the last good catalogue, and look again on the next request.
      }
    }
    return read.index;
  };
}

// Size as well as time: two writes within one tick of the file system's clock share an mtime.
function versionOf(file: string): string {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat ? `${stat.mtimeMs}:${stat.size}` : 'missing';
}

function readIndex(file: string): CatalogueIndex {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CatalogueFileError(
      `No course catalogue at ${file}: build the app first ("npm run build"), or set COURSE_CATALOGUE to a catalogue file.`,
    );
  }
  const parsed = catalogueSchema.safeParse(safeJson(text));
  if (!parsed.success) throw new CatalogueFileError(`${file} is not a course catalogue: rebuild the app ("npm run build").`);
  return indexCatalogue(parsed.data);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
