import { customType, timestamp } from 'drizzle-orm/pg-core';

/**
 * `bytea` as Uint8Array on both drivers: node-postgres hands back a Buffer (a Uint8Array subclass), PGlite a plain
 * Uint8Array; both accept any ArrayBufferView as a parameter.
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType() {
    return 'bytea';
  },
  toDriver(value) {
    return value;
  },
  fromDriver(value) {
    return value instanceof Uint8Array ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : value;
  },
});

/** Every instant is stored as `timestamptz` and read back as a JS Date. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** `created_at timestamptz not null default now()` */
export const createdAt = () => instant('created_at').notNull().defaultNow();

/** `updated_at timestamptz not null default now()` — services set it on every write. */
export const updatedAt = () => instant('updated_at').notNull().defaultNow();
