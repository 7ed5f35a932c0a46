import { LockIcon } from './Icons';

/**
 * The one way a hidden figure is shown, everywhere: a lock, the word "Suppressed" and the
 * engine's reason in words. Never a number, a count or a hint of one (not in a title, an aria
 * label or a data attribute): the reason is the engine's own, which names only the rule.
 *
 *   <Suppressed reason={v.reason} />            inline, in a table cell or a fact list
 *   <Suppressed reason={v.reason} size="block" /> a panel's whole body
 */
export function Suppressed({
  reason,
  size = 'inline',
  testId = 'suppressed',
}: {
  /** The engine's reason ("Suppressed: fewer than 5 respondents" or "fewer than 5 ..."). */
  reason: string | null | undefined;
  size?: 'inline' | 'block';
  testId?: string;
}) {
  const text = suppressedReasonText(reason);
  return (
    <span
      className={`suppressed suppressed--${size}`}
      data-testid={testId}
      data-status="suppressed"
    >
      <LockIcon className="suppressed__icon" />
      <span className="suppressed__word">Suppressed</span>
      {text && <span className="suppressed__reason">{text}</span>}
    </span>
  );
}

/**
 * The reason line under "Suppressed": the engine's reason without a leading "Suppressed:", first
 * letter capitalised ("Suppressed: fewer than 5 respondents" -> "Fewer than 5 respondents").
 * The same words as the overview tiles' `tileReasonText`.
 */
export function suppressedReasonText(reason: string | null | undefined): string | null {
  if (!reason) return null;
  const text = reason.replace(/^\s*suppressed\s*[:\-–—]\s*/i, '').trim();
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : null;
}
