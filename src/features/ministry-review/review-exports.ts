/** Scores as Excel workbooks: per application (every sheet of every round) and per expert. */
import ExcelJS from 'exceljs';
import { OPINION_LABELS, rubricSchema, type Opinion, type Rubric } from '../../shared/review/rubric.js';

interface SheetRow {
  round: number;
  scores: Record<string, number>;
  opinion: string;
  comments: string;
  total: number;
  submittedAt: Date;
}

function styleHeader(ws: ExcelJS.Worksheet) {
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

const opinionZh = (o: string) => OPINION_LABELS[o as Opinion]?.zh ?? o;

export async function applicationScoresXlsx(
  app: { refNo: string; title: string },
  rubric: Rubric,
  sheets: (SheetRow & { expertName: string; organisation: string })[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专家评分');
  ws.addRow([`${app.refNo} ${app.title}`]);
  ws.addRow(['轮次', '专家', '工作单位', ...rubric.criteria.map((c) => `${c.name.zh}（满分${c.maxScore}，权重${c.weight}）`), '加权总分', '综合意见', '定性评价', '提交时间']);
  for (const s of sheets) {
    ws.addRow([s.round, s.expertName, s.organisation, ...rubric.criteria.map((c) => s.scores[c.key] ?? null), s.total / 100, opinionZh(s.opinion), s.comments, s.submittedAt]);
  }
  ws.getRow(2).font = { bold: true };
  ws.columns.forEach((col, i) => (col.width = i === 2 ? 28 : i === rubric.criteria.length + 5 ? 50 : 14));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function expertScoresXlsx(
  expert: { name: string; organisation: string },
  sheets: (SheetRow & { refNo: string; title: string; rubric: Record<string, unknown> })[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('评分记录');
  ws.addRow(['申报编号', '申报名称', '轮次', '各项评分', '加权总分', '综合意见', '定性评价', '提交时间']);
  styleHeader(ws);
  for (const s of sheets) {
    const rubric = rubricSchema.safeParse(s.rubric);
    const detail = rubric.success ? rubric.data.criteria.map((c) => `${c.name.zh}${s.scores[c.key] ?? '—'}`).join('；') : JSON.stringify(s.scores);
    ws.addRow([s.refNo, s.title, s.round, detail, s.total / 100, opinionZh(s.opinion), s.comments, s.submittedAt]);
  }
  ws.columns.forEach((col, i) => (col.width = [26, 40, 6, 40, 10, 12, 50, 20][i] ?? 14));
  wb.title = `${expert.name}（${expert.organisation}）评分记录`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
