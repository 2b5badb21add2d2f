/** The approval reply (批复) documents, rendered for the pilots feature's downloads; the 通报 in the same layout. */
export { renderApprovalReplyDocx, renderApprovalReplyPdf, type ApprovalReplyData } from './documents/approval-reply.js';
export { renderPublicNoticeDocx, renderPublicNoticePdf, type PublicNoticeData } from './documents/public-notice.js';
