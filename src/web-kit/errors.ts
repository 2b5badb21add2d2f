/** Shows an API error to the user in the current language (antd message). */
import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError } from './api-client';
import { useI18n } from './i18n';

export function errorText(err: unknown, locale: 'zh-CN' | 'en-US'): string {
  if (err instanceof ApiError) return err.localized[locale];
  return locale === 'zh-CN' ? '操作失败，请稍后重试。' : 'Something went wrong. Please try again.';
}

export function useShowError(): (err: unknown) => void {
  const { message } = App.useApp();
  const { locale } = useI18n();
  return useCallback(
    (err: unknown) => {
      if (!(err instanceof ApiError)) console.error(err);
      // A 401 already sends the user to the sign-in page.
      if (err instanceof ApiError && err.status === 401) return;
      void message.error(errorText(err, locale));
    },
    [message, locale],
  );
}
