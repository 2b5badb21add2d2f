/** The auth feature's interface strings in zh-CN and en-US. Placeholders: {name}. */
import { defineMessages } from '../../../web-kit/i18n';

export const messages = defineMessages({
  'login.ministry': { zh: '中华人民共和国工业和信息化部', en: 'Ministry of Industry and Information Technology' },
  'login.heading': { zh: '用户登录', en: 'Sign in' },
  'login.username': { zh: '用户名', en: 'User name' },
  'login.password': { zh: '密码', en: 'Password' },
  'login.usernameRequired': { zh: '请输入用户名', en: 'Enter your user name' },
  'login.passwordRequired': { zh: '请输入密码', en: 'Enter your password' },
  'login.submit': { zh: '登录', en: 'Sign in' },
  'login.demoTitle': { zh: '本平台实例载有演示数据', en: 'This instance holds demo data' },
  'login.demoText': {
    zh: '列表中标有“演示数据”的申报为演示用途，不代表任何城市的真实申报材料。',
    en: 'Applications tagged “Demo data” are for demonstration only and are not any city’s real submission.',
  },
  'login.foot': {
    zh: '连续多次输入错误密码，账号将被临时锁定。如需开通账号，请联系省级工业和信息化主管部门。',
    en: 'Repeated wrong passwords lock the account for a while. For an account, contact your provincial industry authority.',
  },
});
