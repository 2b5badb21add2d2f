/**
 * Picks the further member cities of a cluster application over the divisions tree (province →
 * city → district). The user's own city is always included and shown apart; provinces cannot be
 * picked (only cities and districts apply).
 */
import { Cascader, Space, Tag } from 'antd';
import { useMemo } from 'react';
import { type DivisionNode, useDivisions } from '../../reference/ui/public';
import { useI18n } from './i18n';

interface Option {
  value: string;
  label: string;
  disableCheckbox?: boolean;
  children?: Option[];
}

function toOptions(nodes: readonly DivisionNode[], ownCode: string, depth = 0): Option[] {
  return nodes.map((n) => ({
    value: n.code,
    label: n.name,
    disableCheckbox: depth === 0 || n.code === ownCode,
    children: n.children ? toOptions(n.children, ownCode, depth + 1) : undefined,
  }));
}

interface Props {
  ownCode: string;
  /** Further member codes (without the own city). */
  value: string[];
  onChange: (codes: string[]) => void;
  disabled?: boolean;
}

export function CityPicker({ ownCode, value, onChange, disabled }: Props) {
  const { t } = useI18n();
  const divisions = useDivisions();
  const options = useMemo(() => (divisions ? toOptions(divisions.tree, ownCode) : []), [divisions, ownCode]);
  const paths = value.map((c) => divisions?.pathOf(c) ?? [c]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={4}>
      <div>
        <span className="muted">{t('cities.own')}</span>{' '}
        <Tag color="blue" data-testid="own-city">
          {divisions?.nameOf(ownCode) ?? ownCode}
        </Tag>
      </div>
      <Cascader<Option, 'value'>
        multiple
        showCheckedStrategy={Cascader.SHOW_PARENT}
        options={options}
        value={paths}
        loading={!divisions}
        disabled={disabled}
        placeholder={t('cities.addPlaceholder')}
        showSearch={{ filter: (input, path) => path.some((o) => o.label.includes(input.trim())) }}
        maxTagCount="responsive"
        style={{ width: '100%' }}
        onChange={(next) => {
          const codes = (next as string[][]).map((p) => p[p.length - 1]!).filter((c) => c && c !== ownCode);
          onChange([...new Set(codes)]);
        }}
        data-testid="city-picker"
      />
    </Space>
  );
}
