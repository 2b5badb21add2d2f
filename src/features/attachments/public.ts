/** What the composition root and the command line use of the attachments feature: the blob store's orphan sweep. */
export { BLOB_SWEEP_GRACE_MS, referencedBlobs, sweepOrphanBlobs, type BlobSweepResult } from './blob-sweep.js';
export { attachmentFilesOf } from './attachments.queries.js';
