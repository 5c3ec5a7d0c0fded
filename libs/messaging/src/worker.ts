/*
 * The sending side of email, for the worker app (and the tests and bench that drive it):
 * the mail queue, its processor and their module. Kept out of `#messaging` so that the API,
 * which only writes the outbox, loads neither bullmq nor nodemailer (bullmq alone is about
 * 20 MiB resident in a bare Node process).
 */
export * from './delivery/mail-worker.options.js';
export * from './delivery/mail-queue.service.js';
export * from './delivery/mail.processor.js';
export * from './mail-worker.module.js';
