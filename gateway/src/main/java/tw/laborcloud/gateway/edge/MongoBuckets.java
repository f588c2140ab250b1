package tw.laborcloud.gateway.edge;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.types.Binary;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

/**
 * Bucket4j's token buckets kept in MongoDB, so that every gateway instance draws from the same
 * bucket of a client. Bucket4j does the arithmetic and the retry loop; this class only stores a
 * bucket's state (Bucket4j's own bytes) with a compare-and-swap: an insert for a new bucket (a
 * duplicate key means another instance was first) and an update that matches the state read
 * before. A bucket idle past {@code expireAfter} is removed by a TTL index (nothing is lost with
 * it but an old count). Bucket4j has no MongoDB module; its compare-and-swap extension point is
 * the one its own database modules use.
 */
final class MongoBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

    static final String COLLECTION = "rateLimitBuckets";

    private final MongoCollection<Document> buckets;
    private final long expireAfterMillis;

    MongoBuckets(MongoDatabase database, java.time.Duration expireAfter) {
        super(ClientSideConfig.getDefault());
        this.buckets = database.getCollection(COLLECTION);
        this.expireAfterMillis = expireAfter.toMillis();
        try {
            buckets.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        } catch (RuntimeException storeAway) {
            // the gateway starts while the store is away; the index is a clean-up, not a guard
            org.slf4j.LoggerFactory.getLogger(MongoBuckets.class).warn("no TTL index on {} yet: {}", COLLECTION,
                    storeAway.toString());
        }
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                Document bucket = buckets.find(Filters.eq("_id", key)).first();
                return bucket == null ? Optional.empty() : Optional.of(bucket.get("state", Binary.class).getData());
            }

            @Override
            public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                    Optional<Long> timeoutNanos) {
                Date expiresAt = Date.from(Instant.now().plusMillis(expireAfterMillis));
                if (originalData == null) {
                    try {
                        buckets.insertOne(new Document("_id", key).append("state", new Binary(newData))
                                .append("expiresAt", expiresAt));
                        return true;
                    } catch (MongoWriteException e) {
                        if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                            return false; // another instance created it first: Bucket4j reads again
                        }
                        throw e;
                    }
                }
                return buckets.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("state", new Binary(originalData))),
                        Updates.combine(Updates.set("state", new Binary(newData)), Updates.set("expiresAt", expiresAt)))
                        .getModifiedCount() == 1;
            }
        };
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("the gateway calls the buckets off the event loop, synchronously");
    }

    @Override
    public void removeProxy(String key) {
        buckets.deleteOne(Filters.eq("_id", key));
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        return CompletableFuture.runAsync(() -> removeProxy(key));
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }
}
