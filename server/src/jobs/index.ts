export { type BackoffOptions, computeBackoff } from './backoff';
export { type EnqueueInput, type EnqueueResult, enqueue } from './enqueue';
export { claimJob, completeJob, extendLease, failJob, type Job } from './job-store';
export { type JobContext, type JobHandler, type JobOutcome, type RunJobOptions, runJob } from './run-job';
export { drainJobs, startWorker, type Worker, type WorkerOptions } from './start-worker';
