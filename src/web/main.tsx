/**
 * The web app's entry: language, server state, session and the route tree, and nothing more, so the
 * sign-in page (the first page of every visit) loads little. Ant Design's theme and locale
 * (src/web-kit/antd-root.tsx) come with the first page that uses Ant Design: the shell after sign-in.
 */
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { createQueryClient } from '../web-kit/query-client';
import { router } from './router';
import { useI18n } from './i18n';
import { I18nProvider } from '../web-kit/i18n';
import { SessionProvider } from '../features/auth/ui/session';
import './styles.css';
import { applyCspNonce } from './csp-nonce';
import { installDialogFocusWrap } from '../web-kit/dialog-focus';

const queryClient = createQueryClient();

// Tab and Shift+Tab go round inside an open dialog instead of leaving the page.
installDialogFocusWrap();

// The style elements written at run time carry the page's CSP nonce (no 'unsafe-inline' in the policy).
applyCspNonce();

function Root() {
  const { locale } = useI18n();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = locale === 'zh-CN' ? '“中国制造2025”城市试点示范工作平台' : 'Made in China 2025 City Pilot Platform';
  }, [locale]);
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </QueryClientProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <Root />
    </I18nProvider>
  </StrictMode>,
);
