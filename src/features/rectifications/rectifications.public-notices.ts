/** The public notices 通报 the ministry marked published: what the public portal may read. */
import type { Tx } from '../../db/client.js';
import { getNotice, listNotices, type NoticeRow } from './rectifications.queries.js';

export async function publishedNotices(db: Tx): Promise<NoticeRow[]> {
  return listNotices(db, { publishedOnly: true });
}

/** One published notice; null when there is none by that id or it is not published. */
export async function publishedNotice(db: Tx, id: string): Promise<NoticeRow | null> {
  const n = await getNotice(db, id);
  return n && n.published ? n : null;
}
