import { eq } from 'drizzle-orm';
import { sha256Hex } from '../../crypto/tokens';
import type { Db } from '../../db/db';
import { apiClients } from '../../db/schema';
import { AppError } from '../../errors';

/** API keys look like `ink_<random>`; the first 12 characters are the lookup prefix, the rest is only ever hashed. */
export const prefixOfApiKey = (key: string) => key.slice(0, 12);
export const hashApiKey = (key: string) => sha256Hex(key);

export async function authenticateApiClient(db: Db, header: string | null) {
  const key = header?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? null;
  if (!key || key.length < 20 || key.length > 200) {
    throw new AppError('UNAUTHENTICATED', '缺少 API 密钥 / Missing API key (Authorization: Bearer …)');
  }
  const [client] = await db
    .select()
    .from(apiClients)
    .where(eq(apiClients.keyPrefix, prefixOfApiKey(key)));
  if (!client || client.keyHash !== hashApiKey(key) || client.revoked) {
    throw new AppError('UNAUTHENTICATED', 'API 密钥无效 / Invalid API key');
  }
  return client;
}
