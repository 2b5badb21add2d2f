/** Reference data: divisions (GB/T 2260) and reviewing authorities; the shapes come from the contract. */
import type { AuthorityList, DivisionTree } from '../reference.contract';
import { request } from '../../../web-kit/api-client';

export const referenceApi = {
  divisions: () => request<DivisionTree>('GET', '/reference/divisions?districts=true'),
  authorities: () => request<AuthorityList>('GET', '/reference/authorities'),
};
