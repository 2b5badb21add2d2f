/** The pilots feature's interface strings in zh-CN and en-US. Placeholders: {name}. */
import { defineMessages } from '../../../web-kit/i18n';

export const messages = defineMessages({
  'pilots.intro': { zh: '经工业和信息化部批复的“中国制造2025”试点示范城市，试点期三年，按批复时冻结的目标考核。', en: 'Cities approved by MIIT as Made in China 2025 pilots: three years, assessed against the targets frozen at approval.' },
  'pilots.none': { zh: '暂无试点城市', en: 'No pilot city yet' },
  'pilots.noAccess': { zh: '您的角色无权查看试点城市', en: 'Your role cannot see pilot cities' },
  'pilots.notFound': { zh: '试点城市不存在', en: 'Pilot city not found' },
  'pilots.loadFailed': { zh: '试点城市加载失败', en: 'The pilot city could not be loaded' },
  'pilots.back': { zh: '返回试点城市', en: 'Back to pilot cities' },
  'pilots.name': { zh: '试点城市', en: 'Pilot' },
  'pilots.pilotCity': { zh: '试点示范城市', en: 'Pilot city' },
  'pilots.cities': { zh: '所含城市', en: 'Cities' },
  'pilots.documentNo': { zh: '批复文号', en: 'Document no.' },
  'pilots.approvalDate': { zh: '批复日期', en: 'Approved' },
  'pilots.period': { zh: '试点期', en: 'Pilot period' },
  'pilots.targets': { zh: '目标数', en: 'Targets' },
  'pilots.reply': { zh: '批复文件', en: 'Approval reply' },
  'pilots.filedAt': { zh: '报领导小组备案', en: 'Filed with the leading group' },
  'pilots.application': { zh: '实施方案', en: 'Plan' },
  'pilots.openApplication': { zh: '查看申报及实施方案', en: 'Open the application' },
  'pilots.contract': { zh: '目标考核清单（{n} 项，批复时冻结）', en: 'Target contract ({n} targets, frozen at approval)' },
  'pilots.contractIntro': { zh: '以下目标随批复冻结，作为 {period} 试点期的监测与考核依据；城市修改方案不影响已冻结的目标。', en: 'These targets were frozen at approval and are what the {period} pilot is monitored and assessed against; later edits to the plan do not change them.' },
});
