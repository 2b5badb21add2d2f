/**
 * The notification endpoints for the web, typed by the contract. It carries its own small fetch
 * wrapper with the API client's conventions (same-origin cookie, JSON, the session's CSRF header on
 * writes, ApiError on refusal) but without its 401 handler: the bell polls, and a lost session is
 * left to the next page request, which sends the user to sign in.
 */
import { useMemo } from 'react';
import { API_BASE, ApiError, type LocalizedText } from '../../../web-kit/api-client';
import type { MarkAllReadResult, MarkReadResult, NoticeList } from '../notifications.contract';
import { useMe } from '../../auth/ui/public';

async function call<T>(csrfToken: string, method: 'GET' | 'POST', path: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(API_BASE + path, { method, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', {
      'zh-CN': '无法连接服务器，请检查网络后重试。',
      'en-US': 'The server cannot be reached. Check the network and try again.',
    });
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: LocalizedText; details?: unknown } } | undefined)?.error;
    throw new ApiError(
      res.status,
      err?.code ?? `HTTP_${res.status}`,
      err?.message ?? { 'zh-CN': `请求失败（${res.status}）。`, 'en-US': `The request failed (${res.status}).` },
      err?.details,
    );
  }
  return data as T;
}

function notificationsApi(csrfToken: string) {
  return {
    list: (limit = 20) => call<NoticeList>(csrfToken, 'GET', `/notifications?limit=${limit}`),
    markRead: (id: string) => call<MarkReadResult>(csrfToken, 'POST', `/notifications/${encodeURIComponent(id)}/read`),
    markAllRead: () => call<MarkAllReadResult>(csrfToken, 'POST', '/notifications/read-all'),
  };
}

export type NotificationsApi = ReturnType<typeof notificationsApi>;

export function useNotificationsApi(): NotificationsApi {
  const { csrfToken } = useMe();
  return useMemo(() => notificationsApi(csrfToken), [csrfToken]);
}
