/** Why an Excel import was refused: every problem by row and column; nothing was saved. */
import { Alert, Modal, Table, type ButtonProps } from 'antd';
import { useI18n } from './i18n';
import { EXPERT_COLUMNS } from '../expert-columns';
import type { ImportRowError } from '../experts.contract';

interface Props {
  fileName: string;
  errors: ImportRowError[] | null;
  onClose: () => void;
}

export function ImportErrorsModal({ fileName, errors, onClose }: Props) {
  const { t, l, locale } = useI18n();
  const columnLabel = (header: string) => {
    if (!header) return t('experts.import.wholeFile');
    if (locale === 'zh-CN') return header;
    return EXPERT_COLUMNS.find((c) => c.header === header)?.en ?? header;
  };
  const rowsWithProblems = new Set((errors ?? []).map((e) => e.row)).size;
  return (
    <Modal
      open={errors !== null}
      title={t('experts.import.failedTitle', { file: fileName })}
      onCancel={onClose}
      onOk={onClose}
      okText={t('experts.import.close')}
      cancelButtonProps={{ style: { display: 'none' } }}
      okButtonProps={{ 'data-testid': 'import-errors-close' } as ButtonProps}
      width={760}
      destroyOnHidden
    >
      <Alert
        type="error"
        showIcon
        title={t('experts.import.nothingSaved', { n: errors?.length ?? 0, rows: rowsWithProblems })}
        description={t('experts.import.fixAndRetry')}
        style={{ marginBottom: 12 }}
        data-testid="import-errors-summary"
      />
      <Table<ImportRowError & { key: number }>
        size="small"
        data-testid="import-errors"
        dataSource={(errors ?? []).map((e, i) => ({ ...e, key: i }))}
        pagination={(errors?.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ y: 420 }}
        onRow={(e) => ({ 'data-testid': `import-error-${e.row}` }) as ButtonProps}
        columns={[
          { title: t('experts.import.row'), dataIndex: 'row', width: 80, render: (r: number) => (r > 0 ? t('experts.import.rowN', { n: r }) : '—') },
          { title: t('experts.import.column'), dataIndex: 'column', width: 120, render: (c: string) => columnLabel(c) },
          { title: t('experts.import.problem'), dataIndex: 'message', render: (m: ImportRowError['message']) => l(m) },
        ]}
      />
    </Modal>
  );
}
