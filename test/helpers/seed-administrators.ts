/** The security and the audit administrator (三权分立) for API tests, beside seed-accounts' system administrator `admin`. */
import type { Db } from '../../src/db/client.js';
import { createOrganisation, createUser, hashPassword } from '../../src/features/accounts/accounts.queries.js';
import type { Role } from '../../src/shared/roles/roles.js';
import { PASSWORD } from './seed-accounts.js';

export const ADMINISTRATORS: { username: string; role: Role }[] = [
  { username: 'anquan', role: 'security_admin' },
  { username: 'shenji', role: 'audit_admin' },
];

export async function seedAdministrators(db: Db): Promise<void> {
  const passwordHash = await hashPassword(PASSWORD);
  const organisationId = await createOrganisation(db, { name: '平台安全保密中心', kind: 'platform', divisionCode: '110000' });
  for (const a of ADMINISTRATORS) await createUser(db, { username: a.username, passwordHash, displayName: `${a.username} 管理员`, role: a.role, organisationId });
}
