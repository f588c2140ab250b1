package tw.laborcloud.document.preview;

import tw.laborcloud.document.verification.Finding;

/** The document cannot be rendered, for the reason the finding names. */
class PreviewFailure extends Exception {

    private final Finding finding;

    PreviewFailure(Finding finding) {
        super(finding.name(), null, false, false);
        this.finding = finding;
    }

    Finding finding() {
        return finding;
    }
}
