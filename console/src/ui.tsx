import type { ComponentChildren } from 'preact';
import type { Loaded } from './hooks';
import { t } from './i18n';

/** A loaded value, or the words for loading and for what went wrong (announced to screen readers). */
export function Show<T>({ loaded, children }: { loaded: Loaded<T>; children: (value: T) => ComponentChildren }) {
  if (loaded.state === 'loading') return <p aria-live="polite">{t.loading}</p>;
  if (loaded.state === 'error')
    return (
      <p role="alert" class="error">
        {loaded.message}
      </p>
    );
  return <>{children(loaded.value)}</>;
}

/** A table with a caption, scrolling sideways on a narrow screen. */
export function Table({ caption, head, children }: { caption: string; head: string[]; children: ComponentChildren }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((title) => (
              <th scope="col" key={title}>
                {title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export const Empty = ({ when }: { when: boolean }) => (when ? <p>{t.empty}</p> : null);

/** Term and description pairs. */
export function Facts({ items }: { items: Array<[string, ComponentChildren]> }) {
  return (
    <dl class="facts">
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
