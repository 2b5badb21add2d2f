/**
 * Demo events 活动 and action items 督办事项 (演示数据), run through the same services as the API at
 * instants before the seed's `now`: last year's yearly ministry–province–city meeting 年度会议 (held,
 * minutes published) with its action items — two closed by their owners, one open with its deadline
 * ahead, one overdue —, an on-site meeting 现场会 held in 宁波 with its minutes, and a training
 * seminar 培训研讨班 planned for next month.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { eventActionItems, events, pilots } from '../../db/schema.js';
import type { EventBody } from '../../features/events/events.contract.js';
import { closeItem, createEvent, createItem, saveMinutes, transitionEvent, addItemUpdate } from '../../features/events/events.service.js';
import { chinaDate } from '../../kernel/clock.js';
import type { Actor } from '../../shared/roles/roles.js';

const DAY = 86_400_000;
/** 10:00 in China on a calendar date. */
const morning = (date: string) => new Date(`${date}T02:00:00Z`);

export async function seedDemoEvents(db: Db, now: Date, who: (username: string) => Actor): Promise<void> {
  const ministry = who('guihuasi');
  const demoPilots = await db.select({ id: pilots.id, name: pilots.name }).from(pilots).where(eq(pilots.isDemo, true));
  const pilotId = (name: string) => demoPilots.find((p) => p.name === name)?.id;
  const org = (u: string) => who(u).organisationId;
  const made: string[] = [];

  // Last year's yearly meeting, on 15 December: always before the seed's present, at least a fortnight.
  const lastYear = Number(chinaDate(now).slice(0, 4)) - 1;
  const meetingOn = `${lastYear}-12-15`;
  const meetingAt = morning(meetingOn);
  const between = (fraction: number) => new Date(meetingAt.getTime() + (now.getTime() - meetingAt.getTime()) * fraction);
  const annualBody: EventBody = {
    kind: 'annual_meeting',
    title: `${lastYear}年度“中国制造2025”城市试点示范部省市联动工作会议`,
    startsOn: meetingOn,
    endsOn: meetingOn,
    place: '北京 工业和信息化部',
    hostOrganisation: '工业和信息化部规划司',
    description: '总结试点示范工作进展，交流经验，部署下一年度重点任务（年度会议制度）。',
    national: true,
    authorityIds: [],
    pilotIds: [pilotId('宁波市人民政府'), pilotId('沈阳市人民政府')].filter((x): x is string => x !== undefined),
    agenda: [
      { time: '09:00–09:30', topic: '规划司通报年度试点示范工作情况', speaker: '工业和信息化部规划司' },
      { time: '09:30–10:30', topic: '试点城市交流发言', speaker: '宁波市、沈阳市' },
      { time: '10:30–11:00', topic: '省级主管部门发言', speaker: '浙江省经济和信息化委员会' },
      { time: '11:00–11:30', topic: '部署下一年度重点任务', speaker: '工业和信息化部规划司' },
    ],
    participants: [
      { organisationId: org('ningbo'), name: '宁波市人民政府（经济和信息化委员会）', person: '王明', role: 'speaker', attendance: 'attended' },
      { organisationId: org('shenyang'), name: '沈阳市人民政府（经济和信息化委员会）', person: '高峰', role: 'speaker', attendance: 'attended' },
      { organisationId: org('zhejiang'), name: '浙江省经济和信息化委员会', person: '周敏', role: 'attendee', attendance: 'attended' },
      { organisationId: org('zhuangbeisi'), name: '工业和信息化部装备工业司', person: '何军', role: 'attendee', attendance: 'attended' },
      { organisationId: null, name: '国家制造强国建设战略咨询委员会', person: '', role: 'observer', attendance: 'absent' },
    ],
  };
  let annual = await createEvent(db, ministry, annualBody, new Date(meetingAt.getTime() - 20 * DAY));
  annual = await transitionEvent(db, ministry, annual.id, { action: 'hold', version: annual.version }, meetingAt);
  annual = await saveMinutes(
    db,
    ministry,
    annual.id,
    {
      version: annual.version,
      minutes: [
        '会议听取了规划司关于年度试点示范工作的通报，宁波市、沈阳市交流了推进智能制造和老工业基地转型的做法。',
        '会议指出，试点城市目标任务总体推进顺利，但部分指标进度偏慢，要按照实施方案加快推进。',
        '会议议定：各试点城市按期报送进度报告；省级主管部门加强督促指导；相关司局在政策、资金和项目上对试点城市予以倾斜。议定事项列入督办。',
      ].join('\n'),
    },
    new Date(meetingAt.getTime() + 2 * 3_600_000),
  );
  annual = await transitionEvent(db, ministry, annual.id, { action: 'publishMinutes', version: annual.version }, new Date(meetingAt.getTime() + 3 * DAY));
  made.push(annual.id);

  const assignedAt = new Date(meetingAt.getTime() + 3 * DAY + 3_600_000);
  const ahead = chinaDate(new Date(now.getTime() + 20 * DAY));
  const overdue = chinaDate(new Date(now.getTime() - 10 * DAY));
  const closedEarly = await createItem(db, ministry, annual.id, { title: '报送智能制造专项行动年度总结', description: '总结智能制造专项行动推进情况，报规划司。', ownerOrganisationId: org('ningbo'), deadline: chinaDate(between(0.5)) }, assignedAt);
  const closedDept = await createItem(db, ministry, annual.id, { title: '梳理支持试点城市的装备工业专项项目', description: '', ownerOrganisationId: org('zhuangbeisi'), deadline: chinaDate(between(0.6)) }, assignedAt);
  const open = await createItem(db, ministry, annual.id, { title: '出台老工业基地调整改造配套政策', description: '会议议定事项：明确土地、财税等配套措施。', ownerOrganisationId: org('shenyang'), deadline: ahead }, assignedAt);
  const late = await createItem(db, ministry, annual.id, { title: '督促省内试点城市补报进度报告佐证材料', description: '', ownerOrganisationId: org('zhejiang'), deadline: overdue }, assignedAt);

  const ningbo = who('ningbo');
  const item = await addItemUpdate(db, ningbo, closedEarly.id, { version: closedEarly.version, note: '已完成初稿，正在征求各区县意见。' }, between(0.2));
  await closeItem(db, ningbo, closedEarly.id, { version: item.version, note: '《宁波市智能制造专项行动年度总结》已报送规划司。' }, between(0.3));
  await closeItem(db, who('zhuangbeisi'), closedDept.id, { version: closedDept.version, note: '已梳理形成项目清单，对试点城市项目优先支持。' }, between(0.4));
  await addItemUpdate(db, who('shenyang'), open.id, { version: open.version, note: '政策草案已完成，正在履行市政府审议程序。' }, between(0.5));
  // The province's item stays open past its deadline: overdue.
  await addItemUpdate(db, who('zhejiang'), late.id, { version: late.version, note: '已印发通知，部分城市尚未补报。' }, between(0.45));

  // An on-site meeting in 宁波, two months ago, held and its minutes published.
  const onsiteOn = chinaDate(new Date(now.getTime() - 60 * DAY));
  const onsiteAt = morning(onsiteOn);
  const ningboPilot = pilotId('宁波市人民政府');
  let onsite = await createEvent(
    db,
    ministry,
    {
      kind: 'onsite_meeting',
      title: '“中国制造2025”试点示范智能制造现场会（宁波）',
      startsOn: onsiteOn,
      endsOn: onsiteOn,
      place: '浙江省宁波市',
      hostOrganisation: '工业和信息化部规划司、宁波市人民政府',
      description: '现场观摩宁波智能制造示范企业和数字化车间，交流“机器换人”经验。',
      national: false,
      authorityIds: ['330200', '330000'],
      pilotIds: ningboPilot ? [ningboPilot] : [],
      agenda: [
        { time: '上午', topic: '现场观摩数字化车间和智能工厂', speaker: '宁波市经济和信息化委员会' },
        { time: '下午', topic: '宁波市介绍智能制造推进经验', speaker: '宁波市人民政府' },
        { time: '下午', topic: '交流讨论', speaker: '参会单位' },
      ],
      participants: [
        { organisationId: org('ningbo'), name: '宁波市人民政府（经济和信息化委员会）', person: '王明', role: 'host', attendance: 'attended' },
        { organisationId: org('ningbo-sj'), name: '宁波市经济和信息化委员会（计划单列市）', person: '吴刚', role: 'attendee', attendance: 'attended' },
        { organisationId: org('zhejiang'), name: '浙江省经济和信息化委员会', person: '周敏', role: 'attendee', attendance: 'attended' },
        { organisationId: org('huzhou'), name: '湖州市人民政府（经济和信息化委员会）', person: '李华', role: 'attendee', attendance: 'attended' },
      ],
    },
    new Date(onsiteAt.getTime() - 25 * DAY),
  );
  onsite = await transitionEvent(db, ministry, onsite.id, { action: 'hold', version: onsite.version }, onsiteAt);
  onsite = await saveMinutes(
    db,
    ministry,
    onsite.id,
    {
      version: onsite.version,
      minutes: [
        '与会代表现场观摩了宁波市智能制造示范企业，宁波市介绍了分行业推进“机器换人”、培育系统解决方案供应商的做法。',
        '会议认为，宁波的经验可复制、可推广，各地要结合实际学习借鉴，典型做法将纳入试点示范典型案例汇编。',
      ].join('\n'),
    },
    new Date(onsiteAt.getTime() + 6 * 3_600_000),
  );
  onsite = await transitionEvent(db, ministry, onsite.id, { action: 'publishMinutes', version: onsite.version }, new Date(onsiteAt.getTime() + 2 * DAY));
  made.push(onsite.id);

  // A training seminar next month, planned five days ago.
  const trainingOn = chinaDate(new Date(now.getTime() + 30 * DAY));
  const trainingEnds = chinaDate(new Date(now.getTime() + 32 * DAY));
  const training = await createEvent(
    db,
    ministry,
    {
      kind: 'training',
      title: '试点示范城市两化融合与智能制造培训研讨班',
      startsOn: trainingOn,
      endsOn: trainingEnds,
      place: '湖北省武汉市',
      hostOrganisation: '工业和信息化部规划司',
      description: '面向试点城市和省级主管部门的业务培训：两化融合管理体系、智能制造标准、进度报告填报。',
      national: true,
      authorityIds: [],
      pilotIds: [],
      agenda: [
        { time: '第一天', topic: '两化融合管理体系解读', speaker: '专家咨询委员会' },
        { time: '第二天', topic: '智能制造标准体系与案例', speaker: '装备工业司' },
        { time: '第三天', topic: '进度报告和考核评估填报实务', speaker: '规划司' },
      ],
      participants: [],
    },
    new Date(now.getTime() - 5 * DAY),
  );
  made.push(training.id);

  await db.update(events).set({ isDemo: true }).where(inArray(events.id, made));
  await db.update(eventActionItems).set({ isDemo: true }).where(inArray(eventActionItems.eventId, made));
}
