/**
 * One outline part's text. The user types plain paragraphs (one per line); the plan stores them as
 * escaped <p> HTML. Local text is kept while typing so blank lines and trailing spaces survive.
 */
import { Input } from 'antd';
import { memo, useEffect, useRef, useState } from 'react';
import type { Finding } from '../../../../shared/plan/checker';
import { FindingItem } from '../findings-list';
import { useI18n } from '../i18n';
import { htmlToText, textToHtml } from '../../../../web-kit/rich-text';

interface Props {
  partKey: string;
  title: string;
  html: string | undefined;
  findings: readonly Finding[];
  onChange: (partKey: string, html: string) => void;
}

export const SectionEditor = memo(function SectionEditor({ partKey, title, html, findings, onChange }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState(() => htmlToText(html));
  const emitted = useRef(html ?? '');

  // The plan changed from outside (import, reload): show its text.
  useEffect(() => {
    if ((html ?? '') === emitted.current) return;
    emitted.current = html ?? '';
    setText(htmlToText(html));
  }, [html]);

  const paragraphs = text.split(/\n/).filter((l) => l.trim()).length;
  const blocking = findings.some((f) => f.severity === 'blocking');

  return (
    <div className={`editor-section${blocking ? ' has-blocking' : findings.length ? ' has-warning' : ''}`}>
      <label className="editor-section-title" htmlFor={`input-${partKey}`}>
        {title}
      </label>
      <Input.TextArea
        id={`input-${partKey}`}
        value={text}
        autoSize={{ minRows: 3, maxRows: 18 }}
        placeholder={t('editor.sectionPlaceholder')}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const nextHtml = textToHtml(next);
          if (nextHtml !== emitted.current) {
            emitted.current = nextHtml;
            onChange(partKey, nextHtml);
          }
        }}
        data-testid={`section-${partKey}`}
      />
      <div className="editor-section-foot">
        <span className="muted small">{t('editor.paragraphs', { n: paragraphs, chars: text.replace(/\s/g, '').length })}</span>
      </div>
      {findings.length > 0 && (
        <div className="inline-findings">
          {findings.map((f, i) => (
            <FindingItem key={`${f.code}-${i}`} finding={f} />
          ))}
        </div>
      )}
    </div>
  );
});
