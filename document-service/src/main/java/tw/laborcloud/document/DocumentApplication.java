package tw.laborcloud.document;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Takes the applicants' uploads (type decided by content), keeps them in GridFS, checks
 * the documents an application refers to and reports the result as DocumentsVerified.
 */
@SpringBootApplication
public class DocumentApplication {

    public static void main(String[] args) {
        SpringApplication.run(DocumentApplication.class, args);
    }
}
