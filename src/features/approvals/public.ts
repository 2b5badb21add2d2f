/** The approval reply (批复) documents, rendered for the pilots feature's downloads. */
export { renderApprovalReplyDocx, renderApprovalReplyPdf, type ApprovalReplyData } from './documents/approval-reply.js';
