/**
 * Creates a user in an existing organisation. The role is not chosen: it follows from the
 * organisation's kind (ROLE_FOR_KIND) and is shown read-only. The password policy is checked here first.
 */
import { Form, Input, Modal, Select, Tag, type ButtonProps } from 'antd';
import { useMemo } from 'react';
import { ORGANISATION_KIND_LABELS, ROLE_FOR_KIND } from '../../../shared/permissions/account-rules';
import { ROLE_LABELS } from '../../../shared/roles/roles';
import { ApiError } from '../../../web-kit/api-client';
import { useI18n } from './i18n';
import { errorText, useShowError } from '../../../web-kit/errors';
import { useSubmit } from '../../../web-kit/forms';
import type { AdminOrganisation } from '../accounts.contract';
import { useCreateUser } from './accounts-queries';
import { useDivisionName } from './division-name';
import { PasswordFields } from './password-fields';

const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,39}$/;

interface Values {
  organisationId: string;
  username: string;
  displayName: string;
  email: string;
  password: string;
}

interface Props {
  open: boolean;
  orgs: AdminOrganisation[];
  onClose: () => void;
  /** After the creation, once the users list has been fetched again. */
  onCreated: (name: string) => void;
}

interface OrgOption {
  value: string;
  label: string;
  search: string;
  kindLabel: string;
  divisionName: string;
}

export function NewUserModal({ open, orgs, onClose, onCreated }: Props) {
  const { t, l, locale } = useI18n();
  const createUser = useCreateUser();
  const showError = useShowError();
  const divisionName = useDivisionName();
  const [form] = Form.useForm<Values>();
  const orgId = Form.useWatch('organisationId', form);
  const org = orgs.find((o) => o.id === orgId);

  const options = useMemo<OrgOption[]>(
    () =>
      // Only organisations the server says a user may be added to.
      orgs
        .filter((o) => o.abilities.includes('addUser'))
        .map((o) => {
          const kindLabel = l(ORGANISATION_KIND_LABELS[o.kind]);
          const division = divisionName(o.divisionCode);
          return { value: o.id, label: o.name, kindLabel, divisionName: division, search: `${o.name} ${kindLabel} ${division}`.toLowerCase() };
        }),
    [orgs, l, divisionName],
  );

  const { busy, submit: create } = useSubmit(
    form,
    async (v) => {
      const email = v.email?.trim();
      await createUser.mutateAsync({
        organisationId: v.organisationId,
        username: v.username,
        displayName: v.displayName.trim(),
        password: v.password,
        ...(email ? { email } : {}),
      });
      onCreated(`${v.displayName.trim()}（${v.username}）`);
    },
    (err) => {
      // Refusals that belong to one field are shown at that field.
      const field =
        err instanceof ApiError
          ? err.code === 'USERNAME_TAKEN'
            ? 'username'
            : err.code.startsWith('PASSWORD_')
              ? 'password'
              : err.code === 'ROLE_NOT_FOR_ORGANISATION'
                ? 'organisationId'
                : null
          : null;
      if (field) form.setFields([{ name: field, errors: [errorText(err, locale)] }]);
      else showError(err);
    },
  );

  return (
    <Modal
      open={open}
      title={t('newUser.title')}
      okText={t('newUser.create')}
      onOk={() => void create()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      width={600}
      okButtonProps={{ 'data-testid': 'btn-create-user' } as ButtonProps}
    >
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ username: '', displayName: '', email: '', password: '' }}>
        <Form.Item name="organisationId" label={t('newUser.org')} rules={[{ required: true, message: t('newUser.orgRequired') }]}>
          <Select<string, OrgOption>
            showSearch={{ filterOption: (input, option) => !!option && option.search.includes(input.trim().toLowerCase()) }}
            options={options}
            placeholder={t('newUser.orgPlaceholder')}
            optionRender={(o) => (
              <div>
                <div>{o.data.label}</div>
                <div className="muted small">
                  {o.data.kindLabel} · {o.data.divisionName}
                </div>
              </div>
            )}
            data-testid="new-user-org"
          />
        </Form.Item>
        <Form.Item label={t('newUser.role')} extra={t('newUser.roleHint')}>
          <span data-testid="new-user-role">
            {org ? <Tag color="gold">{l(ROLE_LABELS[ROLE_FOR_KIND[org.kind]])}</Tag> : <span className="muted">{t('newUser.rolePending')}</span>}
          </span>
        </Form.Item>
        <Form.Item
          name="username"
          label={t('newUser.username')}
          extra={t('newUser.usernameHint')}
          normalize={(v: string) => v.replace(/\s/g, '').toLowerCase()}
          rules={[
            { required: true, message: t('newUser.usernameRequired') },
            { pattern: USERNAME_PATTERN, message: t('newUser.usernameInvalid') },
          ]}
          validateFirst
        >
          <Input maxLength={40} autoComplete="off" data-testid="new-user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('newUser.name')} rules={[{ required: true, whitespace: true, message: t('newUser.nameRequired') }]}>
          <Input maxLength={100} placeholder={t('newUser.namePlaceholder')} data-testid="new-user-name" />
        </Form.Item>
        <Form.Item name="email" label={t('newUser.email')} rules={[{ type: 'email', message: t('newUser.emailInvalid') }]}>
          <Input maxLength={200} autoComplete="off" data-testid="new-user-email" />
        </Form.Item>
        <PasswordFields<Values>
          form={form}
          username={() => (form.getFieldValue('username') as string | undefined) ?? ''}
          label={t('newUser.password')}
          passwordTestId="new-user-password"
          confirm={false}
          dependencies={['username']}
        />
      </Form>
    </Modal>
  );
}
