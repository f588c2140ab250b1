package tw.laborcloud.notification.delivery;

public enum NotificationStatus {
    /** Waiting for its first or next attempt (due at {@code nextAttemptAt}). */
    PENDING,
    /** Claimed by one instance until {@code leaseUntil}; due again if that passes. */
    SENDING,
    SENT,
    /** Gave up after the last attempt; listed for operations (?status=FAILED), who can resend it. */
    FAILED,
    /** The event that says where to send it has not arrived yet. */
    WAITING_FOR_RECIPIENT
}
