package tw.laborcloud.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * Stands in for MongoDB: {@code de.bwaldvogel:mongo-java-server} speaks the MongoDB wire protocol inside this JVM
 * and keeps the data in an H2 MVStore file. It has no multi-document transactions and no TTL expiry.
 */
final class MongoWireStore {
    private final StackConfig config;
    private final Path file;
    private H2Backend backend;
    private MongoServer server;

    MongoWireStore(StackConfig config) {
        this.config = config;
        this.file = config.dataDir().resolve("mongo").resolve("store.mv");
    }

    String uri() {
        return "mongodb://127.0.0.1:" + config.mongoPort();
    }

    Path file() {
        return file;
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StackException("cannot create " + file.getParent(), e);
        }
        backend = new HelloAwareH2Backend(file.toString());
        try {
            server = new MongoServer(backend);
            server.bind("127.0.0.1", config.mongoPort());
        } catch (RuntimeException e) {
            backend.close();
            backend = null;
            server = null;
            throw new StackException("cannot start the MongoDB-wire store on port " + config.mongoPort() + ": "
                    + e.getMessage(), e);
        }
        Log.info("MongoDB wire protocol on %s: mongo-java-server with its H2 backend (%s); it stands in for "
                + "MongoDB here (no transactions, no TTL expiry)", uri(), file);
    }

    synchronized boolean isRunning() {
        return server != null;
    }

    synchronized void stop() {
        if (server != null) {
            server.shutdownNow(); // closes the backend too
            server = null;
        } else if (backend != null) {
            backend.close();
        }
        backend = null;
    }

    /**
     * mongo-java-server 1.47.0 answers the legacy {@code isMaster} but not {@code hello}, the command current drivers
     * and Spring Boot's MongoDB health indicator send ({@code {hello: 1}}): without this a service's
     * {@code /actuator/health} is DOWN against the stand-in.
     */
    static final class HelloAwareH2Backend extends H2Backend {
        HelloAwareH2Backend(String fileName) {
            super(fileName);
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            if ("hello".equalsIgnoreCase(command)) {
                Document reply = super.handleCommand(channel, databaseName, "isMaster", query);
                reply.put("isWritablePrimary", Boolean.TRUE);
                reply.put("helloOk", Boolean.TRUE);
                return reply;
            }
            return super.handleCommand(channel, databaseName, command, query);
        }
    }
}
