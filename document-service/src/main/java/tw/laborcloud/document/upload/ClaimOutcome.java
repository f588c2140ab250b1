package tw.laborcloud.document.upload;

/** What became of an application's attempt to take an upload as its own. */
public sealed interface ClaimOutcome {

    /** The upload now belongs to the application (or already did). */
    record Claimed(Upload upload) implements ClaimOutcome {
    }

    /** No such upload: never uploaded, or swept after its expiry. */
    record Missing() implements ClaimOutcome {
    }

    /** Another application took it first. */
    record ClaimedByOther(Upload upload) implements ClaimOutcome {
    }

    /** Still staged, but past its expiry: no longer claimable. */
    record Expired(Upload upload) implements ClaimOutcome {
    }
}
