import { get } from '../api';
import { useLoad } from '../hooks';
import { t } from '../i18n';

/** All businesses or one (a viewer token lists its own alone). */
export function CompanyPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const companies = useLoad(() => get('/api/admin/companies', {}, { limit: 500 }), []);
  const list = companies.state === 'ready' ? companies.value : [];
  return (
    <label>
      {t.business}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t.allBusinesses}</option>
        {list.map((company) => (
          <option key={company.id} value={company.id}>
            {company.name}
          </option>
        ))}
      </select>
    </label>
  );
}
