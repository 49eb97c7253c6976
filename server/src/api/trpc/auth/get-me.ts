import { staffProcedure } from '../init';

export const getMe = staffProcedure.query(({ ctx }) => ({
  id: ctx.session.userId,
  username: ctx.session.username,
  displayName: ctx.session.displayName,
  roles: ctx.session.roles,
  wardId: ctx.session.wardId,
}));
