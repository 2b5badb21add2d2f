/**
 * What other features may use of evaluations: the scheme in force (the settings page of another feature
 * may show it), and a pilot's evaluations with their rounds (the dossier files them).
 */
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { evaluationRounds, evaluations, users } from '../../db/schema.js';
export { schemeSetting } from './evaluations.service.js';

/** The dossier: a pilot's evaluations with their round and who decided them, in the order the rounds opened. */
export async function evaluationsOfPilot(db: Tx, pilotId: string) {
  return db
    .select({
      id: evaluations.id,
      status: evaluations.status,
      grade: evaluations.grade,
      totalScore: evaluations.totalScore,
      result: evaluations.result,
      decidedAt: evaluations.decidedAt,
      roundKind: evaluationRounds.kind,
      roundTitle: evaluationRounds.title,
      deadline: evaluationRounds.deadline,
      decidedByName: users.displayName,
    })
    .from(evaluations)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, evaluations.roundId))
    .leftJoin(users, eq(users.id, evaluations.decidedBy))
    .where(eq(evaluations.pilotId, pilotId))
    .orderBy(asc(evaluationRounds.openedAt), asc(evaluations.id));
}
