import { parseBridgeUrl } from '@inkproof/ink-capture';

/** Local settings of this kiosk (stored format v1), kept next to its enrollment; no patient data ever. */
export interface DeviceSettings {
  version: 1;
  /** Base URL of the local fingerprint capture bridge; none → the fingerprint step is skipped. */
  fingerprintBridgeUrl?: string;
}

const KEY = 'inkproof-kiosk.settings';
type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

const storage = (): KeyValueStore | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

/** Reads the settings; anything unreadable or no longer valid reads as "no settings". */
export function loadDeviceSettings(store: KeyValueStore | undefined = storage()): DeviceSettings {
  try {
    const raw = JSON.parse(store?.getItem(KEY) ?? 'null') as Partial<DeviceSettings> | null;
    if (raw?.version !== 1) return { version: 1 };
    const url = typeof raw.fingerprintBridgeUrl === 'string' ? parseBridgeUrl(raw.fingerprintBridgeUrl) : undefined;
    return { version: 1, ...(url ? { fingerprintBridgeUrl: url } : {}) };
  } catch {
    return { version: 1 };
  }
}

/**
 * Validates and stores the fingerprint bridge URL typed at enrollment (empty = no reader). Throws the
 * FingerprintError INVALID_URL for anything but a loopback http(s) address.
 */
export function saveFingerprintBridgeUrl(input: string, store: KeyValueStore | undefined = storage()): DeviceSettings {
  const settings: DeviceSettings = input.trim()
    ? { version: 1, fingerprintBridgeUrl: parseBridgeUrl(input) }
    : { version: 1 };
  store?.setItem(KEY, JSON.stringify(settings));
  return settings;
}
