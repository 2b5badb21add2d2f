/** The dashboards' t(): their own messages plus the common ones, with typed keys. */
import { createI18n, type MessageKeyOf, type Vars } from '../../../web-kit/i18n';
import { messages } from './messages';

export const { useI18n, useT } = createI18n(messages);
export type MessageKey = MessageKeyOf<typeof messages>;
export type Translate = (key: MessageKey, vars?: Vars) => string;
