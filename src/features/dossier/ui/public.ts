/** What other features' pages use of the dossier: its download button. */
export { DossierButton, dossierLinks } from './dossier-button';
