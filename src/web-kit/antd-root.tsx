/**
 * Ant Design's configuration: the platform's theme, its strings in the chosen language, dayjs's locale
 * and the page's CSP nonce for its run-time styles. Every page drawn with Ant Design sits inside it (the
 * signed-in shell, the printed plan, the not-found page, the pending sign-in steps); the sign-in page does
 * not use Ant Design, so its first visit downloads none of this.
 */
import { ConfigProvider } from 'antd';
import type { Locale as AntLocale } from 'antd/es/locale';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useState, type ReactNode } from 'react';
import { cspNonce } from './csp-nonce';
import { useLocale } from './i18n';

/** Sober government palette: one deep blue, square-ish corners, system CJK fonts. */
const THEME = {
  token: {
    colorPrimary: '#1d4e89',
    colorLink: '#1d4e89',
    // Text greys and the error red dark enough for 4.5:1 on white (GB/T 37668, WCAG 2.1 AA).
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.55)',
    colorError: '#cf1322',
    borderRadius: 3,
    fontFamily:
      '-apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { headerBg: '#173f6e', headerHeight: 52, headerPadding: '0 20px', siderBg: '#ffffff' },
    Table: { headerBg: '#f2f5f9' },
    Menu: { itemSelectedBg: '#e6eef8', itemSelectedColor: '#1d4e89', itemActiveBg: '#eef3fa' },
  },
};


/**
 * Ant Design's strings for the chosen language. Chinese ships with the first page; the English ones load
 * only when someone switches to English (until then the components keep the Chinese strings).
 */
let enUS: AntLocale | null = null;
function useAntLocale(locale: string): AntLocale {
  const [, loaded] = useState(0);
  useEffect(() => {
    if (locale === 'en-US' && !enUS) {
      void import('antd/es/locale/en_US').then((m) => {
        enUS = m.default;
        loaded((n) => n + 1);
      });
    }
  }, [locale]);
  return locale === 'en-US' && enUS ? enUS : zhCN;
}

export default function AntdRoot({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  const antLocale = useAntLocale(locale);
  // Ant Design's run-time styles carry the page's CSP nonce (no 'unsafe-inline' in the policy).
  const [csp] = useState(() => {
    const nonce = cspNonce();
    return nonce ? { nonce } : undefined;
  });
  // Before the children render, so dates and pickers come out in the chosen language.
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={antLocale} theme={THEME} csp={csp}>
      {children}
    </ConfigProvider>
  );
}
