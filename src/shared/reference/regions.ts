/**
 * The four statistical regions and which province belongs to which, by the code's 2-digit prefix.
 * Small and free of the division data, so the plan checker can use it in the browser too.
 */
export const REGIONS = ['east', 'central', 'west', 'northeast'] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_LABELS: Record<Region, { zh: string; en: string }> = {
  east: { zh: '东部', en: 'East' },
  central: { zh: '中部', en: 'Central' },
  west: { zh: '西部', en: 'West' },
  northeast: { zh: '东北', en: 'Northeast' },
};

/** Platform rule: the region of each mainland province, by the 2-digit code prefix. */
export const REGION_BY_PREFIX: Readonly<Record<string, Region>> = {
  // East 京 津 冀 沪 苏 浙 闽 鲁 粤 琼
  '11': 'east', '12': 'east', '13': 'east', '31': 'east', '32': 'east',
  '33': 'east', '35': 'east', '37': 'east', '44': 'east', '46': 'east',
  // Central 晋 皖 赣 豫 鄂 湘
  '14': 'central', '34': 'central', '36': 'central', '41': 'central', '42': 'central', '43': 'central',
  // West 蒙 桂 渝 川 黔 滇 藏 陕 甘 青 宁 新
  '15': 'west', '45': 'west', '50': 'west', '51': 'west', '52': 'west', '53': 'west',
  '54': 'west', '61': 'west', '62': 'west', '63': 'west', '64': 'west', '65': 'west',
  // Northeast 辽 吉 黑
  '21': 'northeast', '22': 'northeast', '23': 'northeast',
};

/** The region of a division code (any level), or null for a code outside the mainland provinces. */
export function regionOfCode(code: string): Region | null {
  return REGION_BY_PREFIX[code.slice(0, 2)] ?? null;
}
