/**
 * 支持政策清单: the planning department edits the list of programmes (key, Chinese and English
 * name). Keys of saved programmes stay fixed; the server refuses removing one that has records.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Alert, Button, Input, Modal, Table , type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useShowError } from '../../../web-kit/errors';
import type { Programme, ProgrammeSettings } from '../policy-resources.contract';
import { useI18n } from './i18n';
import { useSaveProgrammes } from './resources-queries';

const KEY = /^[a-z][a-z0-9_]{1,39}$/;

export function ProgrammesModal({ open, settings, onClose }: { open: boolean; settings: ProgrammeSettings; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const save = useSaveProgrammes();
  const [rows, setRows] = useState<Programme[]>(settings.programmes);
  const saved = new Set(settings.programmes.map((p) => p.key));
  useEffect(() => {
    if (open) setRows(settings.programmes);
  }, [open, settings.programmes]);

  const valid = rows.length > 0 && rows.every((r) => KEY.test(r.key) && r.zh.trim() && r.en.trim()) && new Set(rows.map((r) => r.key)).size === rows.length;
  const update = (i: number, patch: Partial<Programme>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <Modal
      open={open}
      title={t('res.programmes')}
      onCancel={onClose}
      width={760}
      okText={t('res.save')}
      cancelText={t('res.cancel')}
      okButtonProps={{ disabled: !valid, 'data-testid': 'programmes-save' } as ButtonProps}
      confirmLoading={save.isPending}
      onOk={() =>
        void save.mutateAsync({ version: settings.version, programmes: rows }).then(
          () => {
            void message.success(t('res.saved'));
            onClose();
          },
          showError,
        )
      }
    >
      <Alert className="block-gap" type="info" showIcon title={t('res.programmesHint')} />
      <Table<Programme & { i: number }>
        size="small"
        pagination={false}
        rowKey="i"
        data-testid="programmes-table"
        dataSource={rows.map((r, i) => ({ ...r, i }))}
        columns={[
          {
            title: t('res.key'),
            dataIndex: 'key',
            width: 200,
            render: (v: string, r) => (
              <Input
                aria-label={t('res.key')}
                value={v}
                disabled={saved.has(v)}
                status={KEY.test(v) ? undefined : 'error'}
                title={KEY.test(v) ? undefined : t('res.keyInvalid')}
                onChange={(e) => update(r.i, { key: e.target.value.trim() })}
                data-testid={`programme-key-${r.i}`}
              />
            ),
          },
          { title: t('res.nameZh'), dataIndex: 'zh', render: (v: string, r) => <Input aria-label={t('res.nameZh')} value={v} onChange={(e) => update(r.i, { zh: e.target.value })} data-testid={`programme-zh-${r.i}`} /> },
          { title: t('res.nameEn'), dataIndex: 'en', render: (v: string, r) => <Input aria-label={t('res.nameEn')} value={v} onChange={(e) => update(r.i, { en: e.target.value })} data-testid={`programme-en-${r.i}`} /> },
          {
            title: t('res.actions'),
            key: 'remove',
            width: 80,
            render: (_, r) => (
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('res.remove')} onClick={() => setRows((rs) => rs.filter((_, j) => j !== r.i))} data-testid={`programme-remove-${r.i}`} />
            ),
          },
        ]}
      />
      <Button className="block-gap" icon={<PlusOutlined />} onClick={() => setRows((rs) => [...rs, { key: `programme_${rs.length + 1}`, zh: '', en: '' }])} data-testid="programme-add">
        {t('res.addProgramme')}
      </Button>
    </Modal>
  );
}
