/** An editable table of simple rows (industries, parks, enterprises, carriers, task division): add, edit, remove. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Popconfirm } from 'antd';
import { memo } from 'react';
import type { Finding } from '../../../../shared/plan/checker';
import { FindingItem } from '../findings-list';
import { useI18n } from '../i18n';
import { rowElementId, type TableBlock } from '../plan-layout';

export interface RowColumn<R> {
  key: keyof R & string;
  label: string;
  width?: number | string;
  kind?: 'text' | 'textarea' | 'number';
  maxLength?: number;
  placeholder?: string;
}

interface Props<R> {
  block: TableBlock;
  rows: readonly R[];
  columns: readonly RowColumn<R>[];
  newRow: () => R;
  onChange: (block: TableBlock, rows: R[]) => void;
  rowFindings: ReadonlyMap<number, readonly Finding[]>;
  addLabel: string;
}

function RowsEditorInner<R extends object>({ block, rows, columns, newRow, onChange, rowFindings, addLabel }: Props<R>) {
  const { t } = useI18n();
  const setCell = (index: number, key: keyof R, value: unknown) =>
    onChange(
      block,
      rows.map((r, i) => (i === index ? { ...r, [key]: value } : r)),
    );

  return (
    <div className="rows-editor" data-testid={`table-${block}`}>
      <table className="edit-table">
        <thead>
          <tr>
            <th style={{ width: 36 }}>{t('doc.no')}</th>
            {columns.map((c) => (
              <th key={c.key} style={c.width ? { width: c.width } : undefined}>
                {c.label}
              </th>
            ))}
            <th style={{ width: 44 }} />
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length + 2} className="muted empty-row">
                {t('editor.noRows')}
              </td>
            </tr>
          )}
          {rows.map((row, i) => {
            const findings = rowFindings.get(i) ?? [];
            return [
              <tr key={`r${i}`} id={rowElementId(block, i)} data-testid={`row-${block}-${i}`} className={findings.length ? 'row-has-findings' : undefined}>
                <td className="num">{i + 1}</td>
                {columns.map((c) => {
                  const value = row[c.key] as unknown;
                  const testId = `${block}-${i}-${c.key}`;
                  return (
                    <td key={c.key}>
                      {c.kind === 'number' ? (
                        <InputNumber
                          value={typeof value === 'number' ? value : null}
                          onChange={(v) => setCell(i, c.key, typeof v === 'number' ? v : null)}
                          style={{ width: '100%' }}
                          data-testid={testId}
                        />
                      ) : c.kind === 'textarea' ? (
                        <Input.TextArea
                          value={typeof value === 'string' ? value : ''}
                          autoSize={{ minRows: 1, maxRows: 6 }}
                          maxLength={c.maxLength}
                          placeholder={c.placeholder}
                          onChange={(e) => setCell(i, c.key, e.target.value)}
                          data-testid={testId}
                        />
                      ) : (
                        <Input
                          value={typeof value === 'string' ? value : ''}
                          maxLength={c.maxLength}
                          placeholder={c.placeholder}
                          onChange={(e) => setCell(i, c.key, e.target.value)}
                          data-testid={testId}
                        />
                      )}
                    </td>
                  );
                })}
                <td>
                  <Popconfirm title={t('editor.removeRowConfirm')} onConfirm={() => onChange(block, rows.filter((_, j) => j !== i))}>
                    <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('editor.removeRow')} data-testid={`btn-remove-${block}-${i}`} />
                  </Popconfirm>
                </td>
              </tr>,
              findings.length > 0 && (
                <tr key={`f${i}`} className="row-findings">
                  <td />
                  <td colSpan={columns.length + 1}>
                    {findings.map((f, k) => (
                      <FindingItem key={k} finding={f} />
                    ))}
                  </td>
                </tr>
              ),
            ];
          })}
        </tbody>
      </table>
      <Button type="dashed" icon={<PlusOutlined />} onClick={() => onChange(block, [...rows, newRow()])} data-testid={`btn-add-${block}`}>
        {addLabel}
      </Button>
    </div>
  );
}

export const RowsEditor = memo(RowsEditorInner) as typeof RowsEditorInner;
