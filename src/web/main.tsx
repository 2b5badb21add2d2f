import { ConfigProvider } from 'antd';
import type { Locale as AntLocale } from 'antd/es/locale';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { createQueryClient } from '../web-kit/query-client';
import { router } from './router';
import { useI18n } from './i18n';
import { I18nProvider } from '../web-kit/i18n';
import { SessionProvider } from '../features/auth/ui/public';
import './styles.css';
import { applyCspNonce } from './csp-nonce';
import { installDialogFocusWrap } from '../web-kit/dialog-focus';

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

const queryClient = createQueryClient();

// Tab and Shift+Tab go round inside an open dialog instead of leaving the page.
installDialogFocusWrap();

// Ant Design's run-time styles carry the page's CSP nonce (no 'unsafe-inline' in the policy).
const CSP = applyCspNonce();

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

function Root() {
  const { locale } = useI18n();
  const antLocale = useAntLocale(locale);
  // Before the children render, so dates and pickers come out in the chosen language.
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = locale === 'zh-CN' ? '“中国制造2025”城市试点示范工作平台' : 'Made in China 2025 City Pilot Platform';
  }, [locale]);
  return (
    // Ant Design's App (message, notification and modal for App.useApp) wraps the signed-in shell
    // (src/web/shell.tsx), so the sign-in page does not download them.
    <ConfigProvider locale={antLocale} theme={THEME} csp={CSP}>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </QueryClientProvider>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <Root />
    </I18nProvider>
  </StrictMode>,
);
