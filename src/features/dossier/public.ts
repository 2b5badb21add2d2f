/** What the composition root and the command line use of the dossier: its routes, and the check of a downloaded zip. */
export { dossierRoutes } from './dossier.routes.js';
export { verifyDossierZip } from './dossier.verify.js';
