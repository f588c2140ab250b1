package tw.laborcloud.gateway.edge;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * What a gateway under test stands in front of: one stand-in service (a JDK HTTP server) behind
 * every route, answering each request with a small JSON status after {@code onRequest} has seen
 * it, healthy for the gateway's checks, and an in-memory MongoDB-wire server for the rate-limit
 * buckets.
 */
final class StandInStack implements AutoCloseable {

    private final HttpServer service;
    private final MongoServer mongo;
    private final String mongoUri;

    private StandInStack(HttpServer service, MongoServer mongo, String mongoUri) {
        this.service = service;
        this.mongo = mongo;
        this.mongoUri = mongoUri;
    }

    static StandInStack start(Consumer<HttpExchange> onRequest) throws IOException {
        HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            onRequest.accept(exchange);
            byte[] body = "{\"status\":\"UNDER_REVIEW\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.createContext("/actuator/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        service.start();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        String mongoUri = "mongodb://127.0.0.1:" + mongo.bind().getPort();
        return new StandInStack(service, mongo, mongoUri);
    }

    /** The gateway's properties that point every route at the stand-in service and the buckets at the store. */
    Map<String, String> gatewayProperties() {
        String url = "http://127.0.0.1:" + service.getAddress().getPort();
        Map<String, String> properties = new LinkedHashMap<>();
        for (String route : new String[] {"registration", "document", "review", "union-affairs"}) {
            properties.put("laborcloud.services." + route, url);
        }
        properties.put("laborcloud.mongodb.uri", mongoUri);
        return properties;
    }

    @Override
    public void close() {
        service.stop(0);
        mongo.shutdownNow();
    }
}
