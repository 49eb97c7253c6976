export { blobs } from './blobs';
export * from './enums';
export { auditLog, evidenceBundles, tlogHeads, tlogLeaves } from './evidence';
export { documents, envelopes, linkTokens, signatures, signers, submissions, templates } from './forms';
export { jobs, webhookDeliveries, webhooks } from './ops';
export { apiClients, beds, devices, sessions, staffUsers, wards } from './org';
export { patients } from './patients';
