import { graphql } from '../graphql';
import { useQuery } from '../graphql/use-query';
import { DEFAULT_REGION } from './nav';

const AGENCY_OPTIONS = graphql(`
  query PortalAgencyOptions($region: String!) {
    agencies(region: $region) {
      id
      name
    }
  }
`);

/**
 * A labelled choice of the region's agencies for a search form (name `agency`). While the list loads the select is
 * there but disabled, so the form does not jump; `allLabel` adds a first option meaning "any agency".
 */
export function AgencySelect({
  id = 'agency',
  value,
  allLabel,
  onChange,
}: {
  id?: string;
  value: string;
  allLabel?: string;
  onChange?: (agencyId: string) => void;
}) {
  const state = useQuery(AGENCY_OPTIONS, { region: DEFAULT_REGION });
  const agencies = state.status === 'done' ? state.data.agencies : [];
  return (
    <span className="field">
      <label htmlFor={id}>执法主体</label>
      <select
        id={id}
        name="agency"
        // Keyed on the options so the default shows once they have arrived.
        key={agencies.length}
        defaultValue={value}
        disabled={state.status === 'loading'}
        onChange={onChange && ((e) => onChange(e.currentTarget.value))}
      >
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {allLabel === undefined && !value && <option value="">请选择</option>}
        {agencies.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      {state.status === 'error' && (
        <span role="alert" className="error">
          执法主体列表加载失败：{state.error.message}
        </span>
      )}
    </span>
  );
}

/** The search parameters of a GET form, the empty ones left out so the address stays short. */
export function formQuery(form: HTMLFormElement): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim()) out.set(k, v.trim());
  return out;
}
