/**
 * A public notice (通报) of the ministry — the cancellation of a pilot, for one — laid out like the
 * approval reply (GB/T 9704-2012: red header and rule, document number, title, addressees, body,
 * signature and date, 抄送). The words are stored with the notice when it is issued; this module only
 * sets them, so the file always says what the record says. Pure: data in, Buffers out.
 */
import {
  chineseDate,
  renderOfficialDocumentDocx,
  renderOfficialDocumentPdf,
  type ApprovalReplyText,
} from './approval-reply.js';

export interface PublicNoticeData {
  /** 发文字号, e.g. 工信部规〔2019〕118号 */
  documentNo: string;
  title: string;
  /** Body paragraphs, one a line; each is set with a two-character first-line indent. */
  body: string;
  /** YYYY-MM-DD, the 成文日期. */
  issuedOn: string;
  /** 主送机关 */
  addressees: string[];
  /** 抄送机关 */
  copyTo: string[];
}

const AUTHORITY = '中华人民共和国工业和信息化部';
const SIGNATURE = '工业和信息化部';

/**
 * Where the title may break between lines (标题回行要词意完整): after 关于, around the programme's
 * name in quotation marks, and before the closing 的通报 — never inside a phrase.
 */
export function titlePhrases(title: string): string[] {
  return title
    .trim()
    .split(/(?<=关于)|(?=“)|(?<=”)|(?=的通报$)|(?=试点示范城市)/u)
    .filter((p) => p.length > 0);
}

export function publicNoticeText(data: PublicNoticeData): ApprovalReplyText {
  const body = data.body
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const copyTo = data.copyTo.map((c) => c.trim()).filter((c) => c.length > 0);
  const phrases = titlePhrases(data.title);
  return {
    authority: AUTHORITY,
    documentNo: data.documentNo.trim(),
    title: phrases.join(''),
    titlePhrases: phrases,
    addressee: `${data.addressees.map((a) => a.trim()).filter((a) => a.length > 0).join('，')}：`,
    body,
    signature: SIGNATURE,
    date: chineseDate(data.issuedOn),
    copyTo: copyTo.length > 0 ? `抄送：${copyTo.join('，')}。` : null,
  };
}

export async function renderPublicNoticeDocx(data: PublicNoticeData): Promise<Buffer> {
  return renderOfficialDocumentDocx(publicNoticeText(data));
}

export async function renderPublicNoticePdf(data: PublicNoticeData): Promise<Buffer> {
  return renderOfficialDocumentPdf(publicNoticeText(data));
}
