/** The portal's publishing endpoints for the web, typed from the contract. */
import { enc, request } from '../../../web-kit/api-client';
import type { Publication, PublishInput, PublishingList } from '../portal.contract';

export const portalApi = {
  list: () => request<PublishingList>('GET', '/portal/publishing'),
  publish: (pilotId: string, body: PublishInput) => request<Publication>('POST', `/portal/pilots/${enc(pilotId)}/publications`, body),
  withdraw: (id: string) => request<Publication>('POST', `/portal/publications/${enc(id)}/withdraw`, {}),
};
