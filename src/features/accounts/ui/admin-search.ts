/** The account administration page's URL search parameters: which tab is open. */
export interface AdminSearch {
  tab?: 'orgs';
}

export function parseAdminSearch(raw: Record<string, unknown>): AdminSearch {
  return raw.tab === 'orgs' ? { tab: 'orgs' } : {};
}
