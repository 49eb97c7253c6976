import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { AppContext } from '../../app-context';
import type { TStaffRole } from '../../db/schema';
import { AppError, fieldIssuesOf, trpcCodeOf } from '../../errors';
import type { StaffSession } from '../../services/auth/sessions';
import type { Actor } from '../../services/deps';

export interface TrpcContext {
  app: AppContext;
  session: StaffSession | null;
  /** Value of the x-csrf-token header; mutations must echo the session's CSRF token. */
  csrfHeader: string | null;
  address: string;
}

const t = initTRPC.context<TrpcContext>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const fields =
      cause instanceof ZodError
        ? fieldIssuesOf(cause.issues)
        : cause instanceof AppError
          ? cause.details.fields
          : undefined;
    const appCode =
      cause instanceof AppError ? cause.code : cause instanceof ZodError ? 'VALIDATION_FAILED' : undefined;
    // Internal errors never leak a stack or message to the browser.
    const message = shape.data.httpStatus >= 500 ? '服务器内部错误 / Internal server error' : shape.message;
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, message, data: { ...data, appCode, fields } };
  },
});

/** Turns AppErrors thrown by services into the matching tRPC error (status mapping lives in errors.ts). */
const mapErrors = t.middleware(async ({ next, ctx }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) throw new TRPCError({ code: trpcCodeOf(cause.code), message: cause.message, cause });
    if (result.error.code === 'INTERNAL_SERVER_ERROR') ctx.app.log.error({ err: result.error }, 'procedure failed');
  }
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(mapErrors);

const authed = publicProcedure.use(({ ctx, next, type }) => {
  if (!ctx.session) throw new AppError('UNAUTHENTICATED', '请先登录 / Please sign in');
  if (type === 'mutation' && ctx.csrfHeader !== ctx.session.csrf) {
    throw new AppError('CSRF_REJECTED', '页面已过期，请刷新后重试 / Page expired, reload and retry');
  }
  const actor: Actor = { type: 'staff', id: ctx.session.userId };
  return next({ ctx: { ...ctx, session: ctx.session, actor } });
});

export const staffProcedure = authed;

/** A procedure only the listed roles may call (admin may call everything). */
export function roleProcedure(...roles: TStaffRole[]) {
  return authed.use(({ ctx, next }) => {
    if (!ctx.session.roles.some((r) => r === 'admin' || roles.includes(r))) {
      throw new AppError('FORBIDDEN', '您的角色无权执行此操作 / Your role may not do this', { required: roles });
    }
    return next();
  });
}
