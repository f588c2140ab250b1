package tw.laborcloud.gateway.edge;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The shared store of the edge's rate limits: the gateway's own database on the same MongoDB as the
 * services (one database per service, never shared), so that every gateway instance counts into the
 * same buckets without another engine to run.
 */
@Configuration
@EnableConfigurationProperties(RateLimitRules.class)
class EdgeConfig {

    @Bean(destroyMethod = "close")
    MongoClient edgeMongoClient(@Value("${laborcloud.mongodb.uri:mongodb://127.0.0.1:27017}") String uri) {
        // a store that does not answer must not hold requests up: fail fast, the limits then let them through
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS))
                .build());
    }

    @Bean
    MongoBuckets rateLimitBuckets(MongoClient mongo, RateLimitRules rules,
            @Value("${laborcloud.mongodb.database:gateway}") String database) {
        return new MongoBuckets(mongo.getDatabase(database), rules.bucketsExpireAfter());
    }

    @Bean
    RateLimits rateLimits(RateLimitRules rules, MongoBuckets buckets, ClientAddresses addresses, EdgeProblems problems,
            MeterRegistry meters) {
        return new RateLimits(rules.enabled() ? rules : new RateLimitRules(false, rules.bucketsExpireAfter(), null, null),
                buckets, addresses, problems, meters);
    }
}
