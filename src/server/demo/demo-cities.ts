/** The demo cities' plan data, by key. */
import type { CityPlanData } from './city-plan.js';
import { BAOTOU } from './cities/baotou.js';
import { CHANGZHUTAN } from './cities/changzhutan.js';
import { HUZHOU } from './cities/huzhou.js';
import { NINGBO } from './cities/ningbo.js';
import { QUANZHOU } from './cities/quanzhou.js';
import { SHENYANG } from './cities/shenyang.js';
import { SUNAN } from './cities/sunan.js';
import { WUHAN } from './cities/wuhan.js';
import { WUZHONG } from './cities/wuzhong.js';
import { ZHENGLUOXIN } from './cities/zhengluoxin.js';

export const DEMO_CITIES = {
  ningbo: NINGBO,
  shenyang: SHENYANG,
  wuzhong: WUZHONG,
  baotou: BAOTOU,
  changzhutan: CHANGZHUTAN,
  wuhan: WUHAN,
  quanzhou: QUANZHOU,
  huzhou: HUZHOU,
  zhengluoxin: ZHENGLUOXIN,
  sunan: SUNAN,
} as const satisfies Record<string, CityPlanData>;

export type DemoCityKey = keyof typeof DEMO_CITIES;
