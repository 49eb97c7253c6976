export { createPushBus } from './create-push-bus';
export { createMemoryPushBus } from './memory-push-bus';
export { createPgPushBus, PG_PUSH_CHANNEL, type PgPushBusOptions } from './pg-push-bus';
export { PUSH_MAX_PAYLOAD_BYTES, type PushBus, type PushEvent, type PushHandler } from './push-bus';
