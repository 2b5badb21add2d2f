/**
 * The plan as the documents officials pass around: a Word file laid out like the printed plan
 * (cover, chapters in outline order, the target table) and an Excel workbook of the target system
 * and the plan's tables. Built from the plan alone; no I/O.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { plainText } from '../../shared/plan/checker.js';
import { PLAN_OUTLINE } from '../../shared/plan/outline.js';
import {
  CITY_TYPE_LABELS,
  DIMENSION_LABELS,
  TARGET_DIMENSIONS,
  TARGET_KIND_LABELS,
  type Plan,
  type Target,
} from '../../shared/plan/plan-schema.js';

const BODY_FONT = 'FangSong';
const FULL_WIDTH_SPACE = '\u3000';
const HEADING_FONT = 'SimHei';

/** Paragraph texts of sanitised rich text: one per <p> or line break. */
export function paragraphsOf(html: string): string[] {
  return html
    .split(/<\/p>|<br\s*\/?>|\n/i)
    .map((chunk) => plainText(chunk))
    .filter((t) => t.length > 0);
}

const DIRECTION_ZH = { higher: '越高越好', lower: '越低越好' } as const;

export function targetYears(plan: Plan): number[] {
  const y = plan.cover.applicationYear;
  return [y + 1, y + 2, y + 3];
}

function fmt(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : String(v);
}

function targetRow(t: Target): string[] {
  return [
    t.dimension ? DIMENSION_LABELS[t.dimension].zh : '',
    t.indicator,
    t.unit,
    t.kind ? TARGET_KIND_LABELS[t.kind].zh : '',
    DIRECTION_ZH[t.direction],
    t.baseYear === null ? '' : String(t.baseYear),
    fmt(t.baselineValue),
    fmt(t.values[0]),
    fmt(t.values[1]),
    fmt(t.values[2]),
    t.wording,
  ];
}

function sortedTargets(plan: Plan): Target[] {
  const order = (t: Target) => (t.dimension ? TARGET_DIMENSIONS.indexOf(t.dimension) : TARGET_DIMENSIONS.length);
  return [...plan.targets].sort((a, b) => order(a) - order(b));
}

function body(text: string): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text, font: BODY_FONT, size: 32 })],
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
  });
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({
    heading: level,
    children: [new TextRun({ text, font: HEADING_FONT, size: level === HeadingLevel.HEADING_1 ? 32 : 30, bold: level !== HeadingLevel.HEADING_1 })],
    spacing: { before: 240, after: 120 },
  });
}

function table(headers: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, font: BODY_FONT, size: 21 })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

export async function planToDocx(plan: Plan, meta: { refNo: string }): Promise<Buffer> {
  const years = targetYears(plan);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 2400, after: 600 }, children: [new TextRun({ text: '“中国制造2025”试点示范城市申报书', font: HEADING_FONT, size: 44 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 1200 }, children: [new TextRun({ text: plan.cover.title, font: HEADING_FONT, size: 36 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `申报城市：${plan.cover.applicant}`, font: BODY_FONT, size: 32 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `填报日期：${plan.cover.filingDate || '年月日'.split('').map((u) => FULL_WIDTH_SPACE.repeat(2) + u).join('')}`, font: BODY_FONT, size: 32 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `申报编号：${meta.refNo}`, font: BODY_FONT, size: 24 })] }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  if (plan.cityTypes.length) children.push(body(`城市类型：${plan.cityTypes.map((c) => CITY_TYPE_LABELS[c].zh).join('、')}`));
  for (const chapter of PLAN_OUTLINE) {
    children.push(heading(chapter.zh, HeadingLevel.HEADING_1));
    for (const part of chapter.parts) {
      if (chapter.parts.length > 1) children.push(heading(part.zh, HeadingLevel.HEADING_2));
      for (const p of paragraphsOf(plan.sections[part.key] ?? '')) children.push(body(p));
      if (part.key === 'ch2.targets' && plan.targets.length) {
        children.push(table(['维度', '指标', '单位', '类型', '方向', '基期年', '基期值', `${years[0]}年`, `${years[1]}年`, `${years[2]}年`, '目标表述'], sortedTargets(plan).map(targetRow)));
      }
      if (part.key === 'ch3.layout') {
        if (plan.keyIndustries.length) children.push(table(['重点产业', '发展方向', '产值（亿元）'], plan.keyIndustries.map((k) => [k.name, k.description, fmt(k.outputValue)])));
        if (plan.parks.length) children.push(table(['载体园区', '级别', '主导产业'], plan.parks.map((p) => [p.name, p.level, p.leadingIndustries])));
        if (plan.coreEnterprises.length) children.push(table(['核心企业', '行业', '作用'], plan.coreEnterprises.map((e) => [e.name, e.industry, e.role])));
      }
      if (part.key === 'ch4.carriers' && plan.innovationCarriers.length) {
        children.push(table(['创新载体', '类型', '级别'], plan.innovationCarriers.map((c) => [c.name, c.kind, c.level])));
      }
      if (part.key === 'ch7.division' && plan.taskDivision.length) {
        children.push(table(['任务', '责任单位', '完成时限'], plan.taskDivision.map((t) => [t.task, t.responsibleUnit, t.deadline])));
      }
      if (part.key === 'ch8.other') {
        const c = plan.contact;
        children.push(body(`联系人：${[c.name, c.title, c.organisation].join(FULL_WIDTH_SPACE)}`));
        children.push(body([`电话：${c.phone}`, `手机：${c.mobile}`, `电子邮箱：${c.email}`].join(FULL_WIDTH_SPACE)));
      }
    }
  }
  const doc = new Document({
    creator: '“中国制造2025”城市试点示范工作平台',
    title: plan.cover.title,
    styles: { default: { document: { run: { font: BODY_FONT } } } },
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(doc);
}

export async function planToXlsx(plan: Plan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '“中国制造2025”城市试点示范工作平台';
  const years = targetYears(plan);
  const addSheet = (name: string, headers: string[], rows: (string | number | null)[][], widths: number[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(headers).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((col, i) => {
      col.width = widths[i] ?? 16;
    });
  };
  addSheet(
    '目标体系',
    ['维度', '指标', '单位', '目标类型', '方向', '基期年', '基期值', `${years[0]}年`, `${years[1]}年`, `${years[2]}年`, '数据来源', '考核方式', '目标表述'],
    sortedTargets(plan).map((t) => [
      t.dimension ? DIMENSION_LABELS[t.dimension].zh : '',
      t.indicator,
      t.unit,
      t.kind ? TARGET_KIND_LABELS[t.kind].zh : '',
      DIRECTION_ZH[t.direction],
      t.baseYear,
      t.baselineValue,
      t.values[0] ?? null,
      t.values[1] ?? null,
      t.values[2] ?? null,
      t.dataSource,
      t.assessmentMethod,
      t.wording,
    ]),
    [12, 36, 10, 12, 10, 8, 10, 10, 10, 10, 20, 24, 50],
  );
  addSheet('重点产业', ['重点产业', '发展方向', '产值（亿元）'], plan.keyIndustries.map((k) => [k.name, k.description, k.outputValue ?? null]), [20, 60, 14]);
  addSheet('载体园区', ['园区', '级别', '主导产业'], plan.parks.map((p) => [p.name, p.level, p.leadingIndustries]), [30, 10, 50]);
  addSheet('核心企业', ['企业', '行业', '作用'], plan.coreEnterprises.map((e) => [e.name, e.industry, e.role]), [30, 16, 50]);
  addSheet('创新载体', ['载体', '类型', '级别'], plan.innovationCarriers.map((c) => [c.name, c.kind, c.level]), [36, 20, 10]);
  addSheet('任务分工', ['任务', '责任单位', '完成时限'], plan.taskDivision.map((t) => [t.task, t.responsibleUnit, t.deadline]), [60, 30, 14]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
