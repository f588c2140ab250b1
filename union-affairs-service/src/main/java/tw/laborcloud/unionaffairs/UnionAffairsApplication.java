package tw.laborcloud.unionaffairs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The union's own services after activation: its profile and its filings (工會會務申請或備查). */
@SpringBootApplication
public class UnionAffairsApplication {

    public static void main(String[] args) {
        SpringApplication.run(UnionAffairsApplication.class, args);
    }
}
