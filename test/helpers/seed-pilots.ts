/** Pilots for the cycle's API tests: an application taken to 'received', then a pilot created as the approval does. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { users } from '../../src/db/schema.js';
import { getApplication } from '../../src/features/applications/public.js';
import { createPilotForApproval } from '../../src/features/pilots/public.js';
import { receivedApplication } from './journey.js';
import type { Client } from './test-app.js';

export async function seedPilot(
  db: Db,
  c: { city: Client; province: Client; ministry: Client },
  city: { code: string; applicant: string; documentNo: string; approvalDate?: string },
): Promise<string> {
  const app = await receivedApplication(c, { code: city.code, applicant: city.applicant, title: `${city.applicant}实施方案` });
  const [approver] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'guihuasi'));
  return createPilotForApproval(db, {
    application: (await getApplication(db, app.id))!,
    documentNo: city.documentNo,
    approvalDate: city.approvalDate ?? '2016-09-01',
    approvedBy: approver!.id,
  });
}
