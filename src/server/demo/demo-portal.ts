/**
 * The public portal's demo publications (演示数据): the planning department publishes 宁波's page with a
 * summary of its plan, and the progress of each year of 宁波 that has a confirmed report; every other
 * demo pilot stays unpublished, so the demo shows both sides of the rule "only what the ministry
 * published" (ADR 0016).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { pilots } from '../../db/schema.js';
import { publish } from '../../features/portal/portal.service.js';
import { reportsOfPilots } from '../../features/progress-reports/public.js';
import type { Actor } from '../../shared/roles/roles.js';

const DAY = 86_400_000;

const NINGBO_SUMMARY =
  '宁波市以智能制造为主攻方向，探索沿海民营经济发达地区制造业由大变强的路径。\n' +
  '试点期间，宁波市围绕绿色石化、汽车及零部件、电工电器等优势产业，推进“机器换人”和数字化车间、智能工厂建设，培育智能制造系统解决方案供应商，建设制造业创新中心和公共服务平台，完善人才引进培养和财政金融支持政策。';

export async function seedDemoPortal(db: Db, now: Date, who: (username: string) => Actor): Promise<void> {
  const [ningbo] = await db.select().from(pilots).where(eq(pilots.name, '宁波市人民政府'));
  if (!ningbo || !ningbo.isDemo) return;
  const ministry = who('guihuasi');
  await publish(db, ministry, new Date(now.getTime() - 30 * DAY), ningbo.id, { subject: 'plan', summary: NINGBO_SUMMARY });
  const confirmedYears = new Set(
    (await reportsOfPilots(db, [ningbo.id])).filter((r) => r.status === 'confirmed').map((r) => Number(r.period.slice(0, 4))),
  );
  for (let year = ningbo.periodStartYear; year <= ningbo.periodEndYear; year++) {
    if (confirmedYears.has(year)) await publish(db, ministry, new Date(now.getTime() - 20 * DAY), ningbo.id, { subject: 'attainment', year });
  }
}
