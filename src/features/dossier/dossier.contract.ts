/** The dossier's wire shapes: the object's id in the path; the answer is a zip (see dossier.routes.ts). */
import { z } from 'zod';

export const dossierParams = z.object({ id: z.uuid() });
export type DossierParams = z.infer<typeof dossierParams>;

export const DOSSIER_MEDIA_TYPE = 'application/zip';
