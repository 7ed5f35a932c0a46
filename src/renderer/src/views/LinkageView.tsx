import { useState } from 'react';
import type {
  LinkageCustomerMetric,
  LinkageEmployeeMetric,
  LinkageOutput,
} from '../../../shared/analytics/linkage';
import { METRICS } from '../../../shared/metrics';
import { LagProfileChart } from '../components/linkage/LagProfileChart';
import { LinkageScatter } from '../components/linkage/LinkageScatter';
import {
  formatR,
  intervalText,
  LAGS,
  lagLabel,
  linkageNText,
  pointNoun,
  rText,
} from '../components/linkage/formatLinkage';
import '../components/linkage/linkage.css';
import { ErrorPanel, Loading } from '../components/StatusPanel';
import { formatCount } from '../format/formatMetric';
import { useQuery } from '../hooks/useQuery';

const EMPLOYEE_METRICS: LinkageEmployeeMetric[] = ['engagement_index', 'pct_favourable', 'enps'];
const CUSTOMER_METRICS: LinkageCustomerMetric[] = ['nps', 'csat'];
const LEVELS = ['team', 'area', 'region'] as const;
const POOLED = '';

function Select<T extends string | number>({
  label,
  testId,
  value,
  options,
  onChange,
  wide,
}: {
  label: string;
  testId: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
  wide?: boolean;
}) {
  return (
    <label className="picker">
      <span className="picker__label">{label}</span>
      <select
        className={`picker__select${wide ? ' picker__select--unit' : ''}`}
        data-testid={testId}
        value={String(value)}
        onChange={(e) => {
          const found = options.find((o) => String(o.value) === e.target.value);
          if (found) onChange(found.value);
        }}
      >
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Stats({ data }: { data: LinkageOutput }) {
  const many = pointNoun(data.level, data.pooled, 2);
  return (
    <section className="linkage-stats" aria-label="Strength of the link">
      <div className="linkage-stats__head">
        <p className="linkage-stats__r" data-testid="linkage-r">
          {rText(data.r)}
        </p>
        <div>
          <p className="linkage-stats__interval" data-testid="linkage-interval">
            {intervalText(data.ciLow, data.ciHigh)}
          </p>
          <p className="linkage-stats__n" data-testid="linkage-n">
            {linkageNText(data)}
          </p>
        </div>
      </div>
      <p className="linkage-stats__detail" data-testid="linkage-detectable">
        Smallest r these {formatCount(data.n)} {many} can reliably detect:{' '}
        <strong>{formatR(data.minDetectableR)}</strong> (80% power). Detecting r = .30 needs{' '}
        {formatCount(data.nNeededForR30)}. Rank correlation (Spearman) {formatR(data.spearman)}.{' '}
        {data.pooled
          ? `${formatCount(data.employeePeriods.length)} quarter pairs pooled (employee quarters ${data.employeePeriods[0] ?? ''} to ${data.employeePeriods.at(-1) ?? ''}).`
          : `Employees ${data.employeePeriod}, customers ${data.customerPeriod}.`}
      </p>
      <p className="linkage-stats__message" data-testid="linkage-message">
        {data.message}
      </p>
      <p className="linkage-stats__excluded" data-testid="linkage-excluded">
        {data.excluded.total === 0
          ? `No ${many} left out.`
          : `${formatCount(data.excluded.total)} ${pointNoun(data.level, data.pooled, data.excluded.total)} left out: `}
        {data.excluded.reasons.map((r, i) => (
          <span key={r.reason}>
            {i > 0 && '; '}
            {formatCount(r.count)} {r.reason.replace(/^./, (ch) => ch.toLowerCase())}
          </span>
        ))}
        {data.excluded.total > 0 && '.'}
      </p>
    </section>
  );
}

export function LinkageView() {
  const [employeeMetric, setEmployeeMetric] = useState<LinkageEmployeeMetric>('engagement_index');
  const [customerMetric, setCustomerMetric] = useState<LinkageCustomerMetric>('nps');
  const [level, setLevel] = useState<string>('team');
  const [lag, setLag] = useState<number>(1);
  const [period, setPeriod] = useState<string>(POOLED);

  const info = useQuery('info', {});
  const employeePeriods = [...(info.data?.periods ?? [])]
    .filter((p) => p.surveyResponses > 0)
    .map((p) => p.id)
    .sort((a, b) => b.localeCompare(a));

  const base = { employeeMetric, customerMetric, level };
  const linkage = useQuery('linkage', period ? { ...base, lag, period } : { ...base, lag });
  const profile = useQuery('lagProfile', base);
  const data = linkage.data;

  return (
    <div className="view view--linkage" aria-busy={linkage.loading || profile.loading}>
      <div className="view-header">
        <div className="view-header__titles">
          <h1 className="view-header__company">
            Employees and customers
            {(linkage.loading || profile.loading) && data && (
              <span className="updating">Updating…</span>
            )}
          </h1>
        </div>
        <div className="view-header__pickers linkage-pickers">
          <Select
            label="Employee metric"
            testId="linkage-employee-metric"
            value={employeeMetric}
            options={EMPLOYEE_METRICS.map((m) => ({ value: m, label: METRICS[m].label }))}
            onChange={setEmployeeMetric}
          />
          <Select
            label="Customer metric"
            testId="linkage-customer-metric"
            value={customerMetric}
            options={CUSTOMER_METRICS.map((m) => ({ value: m, label: METRICS[m].label }))}
            onChange={setCustomerMetric}
          />
          <Select
            label="Level"
            testId="linkage-level"
            value={level}
            options={LEVELS.map((l) => ({
              value: l,
              label: `${l[0]!.toUpperCase()}${l.slice(1)}s`,
            }))}
            onChange={setLevel}
          />
          <Select
            label="Lag"
            testId="linkage-lag"
            value={lag}
            options={LAGS.map((k) => ({ value: k, label: lagLabel(k) }))}
            onChange={setLag}
            wide
          />
          <Select
            label="Employee quarter"
            testId="linkage-period"
            value={period}
            options={[
              { value: POOLED, label: 'All quarters pooled' },
              ...employeePeriods.map((p) => ({ value: p, label: p })),
            ]}
            onChange={setPeriod}
          />
        </div>
      </div>

      {linkage.error ? (
        <ErrorPanel
          title="Could not link employee and customer figures"
          error={linkage.error}
          onRetry={linkage.reload}
        />
      ) : data ? (
        <div className={`linkage-body${linkage.loading ? ' stale' : ''}`}>
          <LinkageScatter data={data} />
          <div className="linkage-side">
            <Stats data={data} />
            {profile.error ? (
              <ErrorPanel
                title="Could not work out which comes first"
                error={profile.error}
                onRetry={profile.reload}
              />
            ) : profile.data ? (
              <div className={`linkage-lag-wrap${profile.loading ? ' stale' : ''}`}>
                <LagProfileChart data={profile.data} selectedLag={lag} />
              </div>
            ) : (
              <Loading label="Working out which comes first…" />
            )}
          </div>
        </div>
      ) : (
        <Loading label="Linking employee and customer figures…" />
      )}
    </div>
  );
}
