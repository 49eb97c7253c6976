import { ZodError } from 'zod';
import { DataError } from '../db/data-error';
import { APP_ERROR_STATUS, AppError, type AppErrorCode, fieldIssuesOf, httpStatusOf } from '../errors';

const DATA_TO_APP: Partial<Record<string, AppErrorCode>> = {
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID_ARGUMENT: 'VALIDATION_FAILED',
  LINK_TOKEN_UNKNOWN: 'NOT_FOUND',
  LINK_TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  LINK_TOKEN_USED: 'TOKEN_USED',
  BLOB_NOT_FOUND: 'NOT_FOUND',
};

/** Normalises anything thrown by a handler into an AppError (unknown errors become INTERNAL). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // Name-based checks too: the custom server and the Next.js bundle may each hold their own copy of a class.
  if (error instanceof Error && error.name === 'AppError' && (error as AppError).code in APP_ERROR_STATUS)
    return error as AppError;
  if (error instanceof ZodError) {
    return new AppError('VALIDATION_FAILED', '输入有误 / Invalid input', { fields: fieldIssuesOf(error.issues) });
  }
  if (error instanceof DataError || (error instanceof Error && error.name === 'DataError')) {
    const code = DATA_TO_APP[(error as DataError).code];
    if (code) return new AppError(code, error.message, {}, { cause: error });
  }
  // The ID-card reader could not read the photo: the signer retakes it (the message says how), not a server fault.
  if (error instanceof Error && error.name === 'IdCardError') {
    const code = (error as { code?: string }).code;
    if (code !== 'OCR_ENGINE_FAILED')
      return new AppError('IMAGE_UNREADABLE', error.message, { reason: code }, { cause: error });
  }
  return new AppError('INTERNAL', '服务器内部错误 / Internal server error', {}, { cause: error });
}

/** RFC 9457 problem details; `errors` lists every failing field path. Never includes a stack trace. */
export function problemResponse(error: unknown, instance?: string): Response {
  const app = toAppError(error);
  const status = httpStatusOf(app.code);
  const { fields, ...rest } = app.details;
  const body = {
    type: `https://inkproof.dev/problems/${app.code.toLowerCase().replace(/_/g, '-')}`,
    title: app.message,
    status,
    code: app.code,
    ...(instance ? { instance } : {}),
    ...(fields?.length
      ? { errors: fields.map((f) => ({ pointer: `/${f.path.replace(/\./g, '/')}`, detail: f.message })) }
      : {}),
    ...(status < 500 ? rest : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  });
}
