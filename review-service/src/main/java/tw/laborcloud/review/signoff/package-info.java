/**
 * The two-step sign-off (公文陳核) that registrations and union-affairs filings share: a clerk proposes, a
 * different supervisor signs off or sends it back ({@link tw.laborcloud.review.signoff.SignOffRules}); every
 * action is audited ({@link tw.laborcloud.review.signoff.AuditedActions}); of two officers acting on the same
 * revision exactly one wins ({@link tw.laborcloud.review.signoff.Revisions}). {@code cases} and {@code filings}
 * apply it to their own aggregates.
 */
package tw.laborcloud.review.signoff;
