/** The PDF text reader for tests lives with the document kernel; re-exported where the tests of the 批复 look for it. */
export { extractPdfText, parseToUnicode, type PdfText } from '../../../kernel/documents/pdf-text.js';
