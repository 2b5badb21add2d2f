/**
 * A schematic of China's 34 provincial-level divisions as a tile grid (ADR 0016): one square per division,
 * placed by rough position, so that a chart can colour provinces without drawing boundaries. It is not a
 * map, and every page that shows it says so (示意图，非地图). Codes are GB/T 2260 province codes; names
 * come from the divisions data where a page needs them, so this file stays small enough for the web.
 */

export interface ProvinceTile {
  /** 6-digit GB/T 2260 code of the province-level division. */
  code: string;
  /** Short label printed in the tile. */
  label: string;
  row: number;
  col: number;
}

export const TILE_GRID_ROWS = 8;
export const TILE_GRID_COLS = 8;

export const PROVINCE_TILES: readonly ProvinceTile[] = [
  { code: '230000', label: '黑龙江', row: 0, col: 6 },
  { code: '650000', label: '新疆', row: 1, col: 0 },
  { code: '150000', label: '内蒙古', row: 1, col: 3 },
  { code: '110000', label: '北京', row: 1, col: 4 },
  { code: '210000', label: '辽宁', row: 1, col: 5 },
  { code: '220000', label: '吉林', row: 1, col: 6 },
  { code: '620000', label: '甘肃', row: 2, col: 1 },
  { code: '640000', label: '宁夏', row: 2, col: 2 },
  { code: '140000', label: '山西', row: 2, col: 3 },
  { code: '130000', label: '河北', row: 2, col: 4 },
  { code: '120000', label: '天津', row: 2, col: 5 },
  { code: '540000', label: '西藏', row: 3, col: 0 },
  { code: '630000', label: '青海', row: 3, col: 1 },
  { code: '610000', label: '陕西', row: 3, col: 2 },
  { code: '410000', label: '河南', row: 3, col: 3 },
  { code: '370000', label: '山东', row: 3, col: 4 },
  { code: '510000', label: '四川', row: 4, col: 1 },
  { code: '500000', label: '重庆', row: 4, col: 2 },
  { code: '420000', label: '湖北', row: 4, col: 3 },
  { code: '340000', label: '安徽', row: 4, col: 4 },
  { code: '320000', label: '江苏', row: 4, col: 5 },
  { code: '310000', label: '上海', row: 4, col: 6 },
  { code: '530000', label: '云南', row: 5, col: 1 },
  { code: '520000', label: '贵州', row: 5, col: 2 },
  { code: '430000', label: '湖南', row: 5, col: 3 },
  { code: '360000', label: '江西', row: 5, col: 4 },
  { code: '330000', label: '浙江', row: 5, col: 5 },
  { code: '450000', label: '广西', row: 6, col: 2 },
  { code: '440000', label: '广东', row: 6, col: 3 },
  { code: '350000', label: '福建', row: 6, col: 4 },
  { code: '710000', label: '台湾', row: 6, col: 5 },
  { code: '460000', label: '海南', row: 7, col: 2 },
  { code: '820000', label: '澳门', row: 7, col: 3 },
  { code: '810000', label: '香港', row: 7, col: 4 },
];

/** The tile of a division's province (any 6-digit code: its first two digits name the province). */
export function provinceTileOf(code: string): ProvinceTile | undefined {
  const prefix = code.slice(0, 2);
  return PROVINCE_TILES.find((t) => t.code.startsWith(prefix));
}

/** The notice every page showing the grid carries: it is a schematic, not a map. */
export const TILE_GRID_NOTICE = { zh: '示意图，非地图：每个方块代表一个省级行政区，位置仅示意', en: 'Schematic, not a map: each square stands for one province-level division; positions are indicative' } as const;
