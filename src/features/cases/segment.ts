/**
 * Chinese word segmentation for the case library, with jieba (@node-rs/jieba: prebuilt binaries,
 * its default dictionary, plus a few programme words so that 智能制造 or 长株潭衡 stay whole while
 * 智能 and 长株潭 still find them). HMM is off everywhere: the same text is always cut the same way,
 * which is what lets a query meet the index.
 *
 * - Documents are cut in search mode: the words plus the dictionary words inside longer ones.
 * - Queries are cut in precise mode: each query word is then one of the document's words.
 * - Display text is cut in precise mode without normalising, so the words join back to the text
 *   and the highlighter can mark them.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { isWordToken, normalizeText } from '../../shared/cases/search-query.js';

/** Words of the programme that the general dictionary would cut apart (word, frequency, part of speech). */
const PROGRAMME_WORDS = [
  '智能制造 3000 n',
  '绿色制造 3000 n',
  '服务型制造 2000 n',
  '工业互联网 3000 n',
  '两化融合 2000 n',
  '亩均效益 1000 n',
  '亩均论英雄 500 n',
  '产融结合 1000 n',
  '单项冠军 1000 n',
  '创新中心 2000 n',
  '试点示范 2000 n',
  '长株潭 1000 ns',
  '长株潭衡 1000 ns',
  '苏南五市 500 ns',
  '郑洛新 500 ns',
  '珠江西岸 500 ns',
];

let instance: Jieba | null = null;

function jieba(): Jieba {
  if (!instance) {
    instance = Jieba.withDict(dict);
    instance.loadDict(Buffer.from(PROGRAMME_WORDS.join('\n') + '\n'));
  }
  return instance;
}

/** The words a document is indexed under (normalised, search mode, no punctuation). */
export function indexWords(text: string): string[] {
  return jieba().cutForSearch(normalizeText(text), false).filter(isWordToken);
}

/** The words of a text in reading order (normalised, precise mode), for the trigram column. */
export function plainWords(text: string): string[] {
  return jieba().cut(normalizeText(text), false).filter(isWordToken);
}

/** The words of a query (normalised, precise mode, no punctuation). */
export function queryWords(query: string): string[] {
  return jieba().cut(normalizeText(query), false).filter(isWordToken);
}

/** The text cut into words as written: the words join back to the text. */
export function displayWords(text: string): string[] {
  return jieba().cut(text, false);
}

/** What the search columns of a case hold, from its title, summary and body. */
export interface SearchColumns {
  title: string;
  summary: string;
  body: string;
  words: string;
  plain: string;
}

export function searchColumns(c: { title: string; summary: string; body: string }): SearchColumns {
  return {
    title: indexWords(c.title).join(' '),
    summary: indexWords(c.summary).join(' '),
    body: indexWords(c.body).join(' '),
    words: [c.title, c.summary, c.body].flatMap(plainWords).join(' '),
    plain: normalizeText(`${c.title} ${c.summary} ${c.body}`),
  };
}
