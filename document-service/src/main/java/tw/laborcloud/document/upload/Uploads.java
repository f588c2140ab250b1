package tw.laborcloud.document.upload;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.data.mongodb.gridfs.GridFsUpload;
import org.springframework.stereotype.Component;

import com.mongodb.client.gridfs.model.GridFSFile;

/**
 * The uploads: their records in {@code uploads} and their bytes in GridFS (collections
 * {@code fs.files} and {@code fs.chunks}), stored under the upload's own id; their previews
 * in the GridFS bucket {@code previews}. Every state change is a single-document
 * conditional write; nothing here needs a transaction.
 */
@Component
public class Uploads {

    public static final String COLLECTION = "uploads";
    public static final String PREVIEW_BUCKET = "previews";

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);

    private final MongoTemplate mongo;
    private final GridFsTemplate gridFs;
    private final GridFsTemplate previews;

    /** The preview bucket is no bean: a second GridFsTemplate bean would switch off Boot's default one. */
    Uploads(MongoTemplate mongo, GridFsTemplate gridFs, MongoDatabaseFactory databases) {
        this.mongo = mongo;
        this.gridFs = gridFs;
        this.previews = new GridFsTemplate(databases, mongo.getConverter(), PREVIEW_BUCKET);
    }

    /**
     * Records a checked upload, then stores its content. The record comes first so that
     * content never exists without a record the sweeper can find: a crash in between
     * leaves a record without content, which expires (or is reported missing) like any other.
     */
    Upload stage(StagedFile file, DocumentKind kind, String originalName, String contentType, Instant now,
            Instant expiresAt) throws IOException {
        String id = UUID.randomUUID().toString();
        Upload upload = new Upload(id, kind, originalName, contentType, file.size(), file.sha256(), id,
                UploadStatus.STAGED, null, now, expiresAt, null, null);
        mongo.insert(upload);
        try (InputStream in = Files.newInputStream(file.path())) {
            gridFs.store(GridFsUpload.fromStream(in)
                    .id(id)
                    .filename(originalName)
                    .contentType(contentType)
                    .metadata(new org.bson.Document("kind", kind.name()).append("sha256", file.sha256()))
                    .build());
        } catch (IOException | RuntimeException e) {
            gridFs.delete(byId(id));
            mongo.remove(byId(id), COLLECTION);
            throw e;
        }
        return upload;
    }

    /**
     * The sweeper's query on a collection that keeps every claimed upload needs an index.
     * Startup goes on without it when the store is unreachable or does not support it
     * (the MongoDB-wire server accepts and ignores compound indexes).
     */
    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        try {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                    .on("expiresAt", Sort.Direction.ASC).named("status_expiresAt"));
        } catch (RuntimeException e) {
            log.warn("could not create the index of {}: {}", COLLECTION, e.toString());
        }
    }

    public Optional<Upload> find(String uploadId) {
        return Optional.ofNullable(mongo.findById(uploadId, Upload.class));
    }

    /** The stored content, if it is there. */
    public Optional<GridFsResource> content(Upload upload) {
        GridFSFile file = gridFs.findOne(byId(upload.gridFsId()));
        return Optional.ofNullable(file).map(gridFs::getResource);
    }

    /** The stored preview image, if one was made and is still there. */
    public Optional<GridFsResource> previewContent(UploadPreview preview) {
        if (preview == null || preview.gridFsId() == null) {
            return Optional.empty();
        }
        GridFSFile file = previews.findOne(byId(new ObjectId(preview.gridFsId())));
        return Optional.ofNullable(file).map(previews::getResource);
    }

    /**
     * Keeps a freshly made preview (the PNG, or the failure) unless another request was
     * quicker: the first one recorded wins, a later one deletes its own image.
     */
    public void recordPreview(Upload upload, UploadPreview made, byte[] png) {
        UploadPreview preview = made;
        ObjectId imageId = null;
        if (png != null) {
            imageId = previews.store(new ByteArrayInputStream(png), upload.id() + ".png", "image/png",
                    new org.bson.Document("uploadId", upload.id()));
            preview = UploadPreview.made(imageId.toHexString(), made.width(), made.height(), made.pages(),
                    made.madeAt());
        }
        long recorded = mongo.updateFirst(query(where("_id").is(upload.id()).and("preview").isNull()),
                new Update().set("preview", preview), Upload.class).getModifiedCount();
        if (recorded == 0 && imageId != null) {
            previews.delete(byId(imageId));
        }
    }

    /**
     * Takes the upload for the application in one conditional update: a staged, unclaimed,
     * unexpired upload, or one this application already holds (a redelivered event).
     * Expiry is checked here explicitly, not left to the sweeper.
     */
    public ClaimOutcome claim(String uploadId, String applicationId, Instant now) {
        Query claimable = query(where("_id").is(uploadId).orOperator(
                where("status").is(UploadStatus.STAGED.name()).and("applicationId").isNull().and("expiresAt").gt(now),
                where("applicationId").is(applicationId)));
        Update take = new Update()
                .set("status", UploadStatus.CLAIMED.name())
                .set("applicationId", applicationId)
                .min("claimedAt", now);
        Upload claimed = mongo.findAndModify(claimable, take, FindAndModifyOptions.options().returnNew(true),
                Upload.class);
        if (claimed != null) {
            return new ClaimOutcome.Claimed(claimed);
        }
        Upload current = mongo.findById(uploadId, Upload.class);
        if (current == null) {
            return new ClaimOutcome.Missing();
        }
        if (current.applicationId() != null) {
            return new ClaimOutcome.ClaimedByOther(current);
        }
        return new ClaimOutcome.Expired(current);
    }

    /**
     * Deletes staged uploads whose expiry lies before {@code cutoff}, content first: an
     * expired upload can no longer be claimed, so nothing races with this, and a crash
     * between the two deletes leaves a record the next sweep removes.
     */
    int deleteStagedExpiredBefore(Instant cutoff, int batch) {
        Criteria expired = where("status").is(UploadStatus.STAGED.name()).and("expiresAt").lt(cutoff);
        List<Upload> found = mongo.find(query(expired).limit(batch), Upload.class);
        int deleted = 0;
        for (Upload upload : found) {
            // found by the upload it shows rather than by the record's pointer, which a preview made
            // while the sweep runs may not have set yet
            previews.delete(query(where("metadata.uploadId").is(upload.id())));
            gridFs.delete(byId(upload.gridFsId()));
            Criteria stillExpired = where("_id").is(upload.id()).and("status").is(UploadStatus.STAGED.name())
                    .and("expiresAt").lt(cutoff);
            deleted += (int) mongo.remove(query(stillExpired), COLLECTION).getDeletedCount();
        }
        return deleted;
    }

    private static Query byId(Object id) {
        return query(where("_id").is(id));
    }
}
