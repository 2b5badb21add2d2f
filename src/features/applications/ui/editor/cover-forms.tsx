/** The cover (申报书封面), the city types and the contact person: small fixed forms. */
import { Checkbox, DatePicker, Input } from 'antd';
import dayjs from 'dayjs';
import { memo } from 'react';
import { CITY_TYPE_LABELS, CITY_TYPES, type CityType, type Plan } from '../../../../shared/plan/plan-schema';
import { useI18n } from '../i18n';
import { CityPicker } from '../city-picker';

type Cover = Plan['cover'];
type Contact = Plan['contact'];

export const CoverForm = memo(function CoverForm({ cover, ownCode, onChange }: { cover: Cover; ownCode: string; onChange: (patch: Partial<Cover>) => void }) {
  const { t } = useI18n();
  return (
    <div className="form-grid" data-testid="cover-form">
      <label className="f span-2">
        <span>{t('cover.title')}</span>
        <Input value={cover.title} maxLength={200} placeholder={t('cover.titlePlaceholder')} onChange={(e) => onChange({ title: e.target.value })} data-testid="cover-title" />
      </label>
      <label className="f">
        <span>{t('cover.applicant')}</span>
        <Input value={cover.applicant} maxLength={200} placeholder={t('cover.applicantPlaceholder')} onChange={(e) => onChange({ applicant: e.target.value })} data-testid="cover-applicant" />
      </label>
      <label className="f">
        <span>{t('cover.filingDate')}</span>
        <DatePicker
          value={cover.filingDate && dayjs(cover.filingDate).isValid() ? dayjs(cover.filingDate) : null}
          onChange={(d) => onChange({ filingDate: d ? d.format('YYYY-MM-DD') : '' })}
          style={{ width: '100%' }}
          data-testid="cover-filingDate"
        />
      </label>
      <label className="f">
        <span>{t('cover.applicationYear')}</span>
        <Input value={String(cover.applicationYear)} disabled data-testid="cover-applicationYear" />
      </label>
      <div className="f">
        <span>{t('cover.targetYears')}</span>
        <div className="static-value">
          {cover.applicationYear + 1}–{cover.applicationYear + 3}
        </div>
      </div>
      <div className="f span-2">
        <span>{t('cover.cities')}</span>
        <CityPicker
          ownCode={ownCode}
          value={cover.cityCodes.filter((c) => c !== ownCode)}
          onChange={(codes) => onChange({ cityCodes: [ownCode, ...codes] })}
        />
      </div>
    </div>
  );
});

export const CityTypesForm = memo(function CityTypesForm({ value, onChange }: { value: readonly CityType[]; onChange: (v: CityType[]) => void }) {
  const { t, l } = useI18n();
  return (
    <div data-testid="city-types">
      <p className="muted small">{t('cityTypes.hint')}</p>
      <Checkbox.Group
        className="city-types"
        value={[...value]}
        onChange={(v) => onChange(CITY_TYPES.filter((c) => (v as string[]).includes(c)))}
        options={CITY_TYPES.map((c) => ({ value: c, label: l(CITY_TYPE_LABELS[c]) }))}
      />
    </div>
  );
});

const CONTACT_FIELDS = ['name', 'title', 'organisation', 'phone', 'mobile', 'email'] as const;

export const ContactForm = memo(function ContactForm({ contact, onChange }: { contact: Contact; onChange: (patch: Partial<Contact>) => void }) {
  const { t } = useI18n();
  return (
    <div className="form-grid" data-testid="contact-form">
      {CONTACT_FIELDS.map((f) => (
        <label className={`f${f === 'organisation' ? ' span-2' : ''}`} key={f}>
          <span>{t(`contact.${f}`)}</span>
          <Input
            value={contact[f]}
            maxLength={f === 'email' || f === 'organisation' ? 200 : f === 'title' ? 100 : 50}
            type={f === 'email' ? 'email' : 'text'}
            onChange={(e) => onChange({ [f]: e.target.value })}
            data-testid={`contact-${f}`}
          />
        </label>
      ))}
    </div>
  );
});
