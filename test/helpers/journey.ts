/** Takes an application through the journey by API calls, checking each step, for tests of later stages. */
import { expect } from 'vitest';
import { PROVINCIAL_CHECKLIST } from '../../src/shared/lifecycle/provincial-checklist.js';
import { makeCompletePlan } from '../fixtures/plans.js';
import type { Client } from './test-app.js';

export const FULL_CHECKLIST = Object.fromEntries(PROVINCIAL_CHECKLIST.map((i) => [i.key, true]));

export interface JourneyClients {
  city: Client;
  province: Client;
  ministry: Client;
}

/** A complete plan from one city, submitted, forwarded and received; returns its id and version. */
export async function receivedApplication(
  c: JourneyClients,
  city: { code: string; applicant: string; title: string },
): Promise<{ id: string; version: number }> {
  const plan = makeCompletePlan({ cover: { cityCodes: [city.code], applicant: city.applicant } });
  const created = await c.city.request('POST', '/api/v1/applications', { title: city.title, applicationYear: 2016, plan });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const submitted = await c.city.request('POST', `/api/v1/applications/${id}/submit`, { version: 1 });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const forwarded = await c.province.request('POST', `/api/v1/applications/${id}/forward`, {
    version: submitted.json().version,
    checklist: FULL_CHECKLIST,
    opinion: '同意',
    opinionDate: '2016-08-01',
  });
  expect(forwarded.statusCode, forwarded.body).toBe(200);
  const received = await c.ministry.request('POST', `/api/v1/applications/${id}/receive`, {
    version: forwarded.json().version,
    printedCopies: 'received',
    discs: 'received',
    formalCheckPassed: true,
  });
  expect(received.statusCode, received.body).toBe(200);
  return { id, version: received.json().version as number };
}
