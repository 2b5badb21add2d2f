/**
 * The administrator's job endpoints (/admin/jobs/*, permission user.manage) for the web, through the
 * shared API client (cookie, CSRF header, typed errors); the shapes come from the notifications contract.
 */
import type { DeadLetterList, RetryResult } from '../notifications.contract';
import { enc, request } from '../../../web-kit/api-client';

export const jobsApi = {
  deadLetters: () => request<DeadLetterList>('GET', '/admin/jobs/dead-letter'),
  retry: (id: string) => request<RetryResult>('POST', `/admin/jobs/dead-letter/${enc(id)}/retry`),
};
