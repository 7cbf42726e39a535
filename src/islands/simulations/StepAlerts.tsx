import type { StepLabels } from './labels.ts';

/**
 * A simulation step's alerts: the server's notice (a refused or stale step) and the error
 * summary, each linking to the field it is about (`anchorFor` gives the element's id).
 */
export default function StepAlerts({ notice, errors, labels, anchorFor }: { notice?: string | undefined; errors: Record<string, string>; labels: StepLabels; anchorFor: (field: string) => string }) {
  const entries = Object.entries(errors);
  return (
    <>
      {notice && (
        <div className="error-summary" role="alert" tabIndex={-1} id="sim-notice">
          <p>{notice}</p>
        </div>
      )}
      {entries.length > 0 && (
        <div className="error-summary" role="alert" aria-labelledby="sim-errors-title" tabIndex={-1} id="sim-errors">
          <h2 id="sim-errors-title">{labels['errors.summary']}</h2>
          <ul>
            {entries.map(([field, message]) => (
              <li key={field}>
                <a href={`#${anchorFor(field)}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
