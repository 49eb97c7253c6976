import type { AppContext } from '../app-context';
import { authenticateDevice } from '../services/devices/devices';
import { readCookie } from './cookies';

export const DEVICE_COOKIE = 'inkproof_device';

/** Devices authenticate with their credential as a Bearer token or (the kiosk app in a browser) an HttpOnly cookie. */
export function deviceCredentialOf(request: Request): string | null {
  const bearer = request.headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? readCookie(request, DEVICE_COOKIE);
}

export function requireDevice(app: AppContext, request: Request) {
  return authenticateDevice(app, deviceCredentialOf(request));
}
