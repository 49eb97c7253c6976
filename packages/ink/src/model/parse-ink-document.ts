import { InkError } from '../ink-error';
import { INK_FORMAT_VERSION, INK_MEDIA_TYPE, type TInkDocument, ZInkDocumentSchema } from './ink-document';

/**
 * Validates an untrusted value as an ink document, migrating older versions first.
 * Every failing field path is listed on the error.
 */
export function parseInkDocument(raw: unknown): TInkDocument {
  const migrated = migrateInkDocument(raw);
  const result = ZInkDocumentSchema.safeParse(migrated);
  if (!result.success) {
    const paths = result.error.issues.map((issue) => issue.path.join('.') || '(root)');
    throw new InkError(
      'SCHEMA_INVALID',
      `笔迹数据格式无效：${paths.join(', ')} / Invalid ink document: ${paths.join(', ')}`,
      {
        cause: result.error,
        paths,
      },
    );
  }
  return result.data;
}

/** Version switch: version 1 is current; later versions add a step here instead of a parallel type. */
function migrateInkDocument(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const record = raw as { mediaType?: unknown; version?: unknown };
  if (
    record.mediaType === INK_MEDIA_TYPE &&
    typeof record.version === 'number' &&
    record.version > INK_FORMAT_VERSION
  ) {
    throw new InkError(
      'UNSUPPORTED_VERSION',
      `笔迹格式版本 ${record.version} 过新，请升级软件 / Ink format version ${record.version} is newer than this software; upgrade it`,
    );
  }
  return raw;
}
