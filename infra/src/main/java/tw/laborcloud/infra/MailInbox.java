package tw.laborcloud.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local inbox: a small web page (and {@code /api/messages}, JSON, for tests) listing every mail
 * {@link MailServer} received, newest first, each opened with its plain text, its HTML in a
 * sandboxed frame and its raw source. Development only: it is part of {@code ./run}, never of a
 * deployment.
 */
final class MailInbox {
    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(TAIPEI);
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+");

    private final MailServer mail;
    private final StackConfig config;
    private final JsonMapper json = JsonMapper.builder().build();
    private HttpServer inbox;
    private ExecutorService inboxExecutor;

    MailInbox(MailServer mail, StackConfig config) {
        this.mail = mail;
        this.config = config;
    }

    String url() {
        return "http://localhost:" + config.inboxPort();
    }

    synchronized void start() {
        if (inbox != null) {
            return;
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", config.inboxPort()), 16);
            server.createContext("/", this::handle);
            inboxExecutor = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "mail-inbox-http");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(inboxExecutor);
            server.start();
            inbox = server;
        } catch (IOException e) {
            throw new StackException("cannot start the inbox page on port " + config.inboxPort() + ": "
                    + e.getMessage(), e);
        }
        Log.info("mail: inbox page %s (JSON: %s/api/messages)", url(), url());
    }

    synchronized void stop() {
        if (inbox != null) {
            inbox.stop(0);
            inbox = null;
            inboxExecutor.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/api/messages")) {
                if (method.equals("DELETE")) {
                    mail.clear();
                    send(exchange, 204, null, new byte[0]);
                } else {
                    api(exchange);
                }
            } else if (path.equals("/") || path.equals("/index.html")) {
                send(exchange, 200, "text/html; charset=utf-8", listPage().getBytes(StandardCharsets.UTF_8));
            } else if (path.matches("/messages/\\d+/raw")) {
                MailMessage m = find(path.split("/")[2]);
                if (m == null) {
                    notFound(exchange);
                } else {
                    send(exchange, 200, "text/plain; charset=utf-8", m.raw().getBytes(StandardCharsets.UTF_8));
                }
            } else if (path.matches("/messages/\\d+")) {
                MailMessage m = find(path.substring("/messages/".length()));
                if (m == null) {
                    notFound(exchange);
                } else {
                    send(exchange, 200, "text/html; charset=utf-8", messagePage(m).getBytes(StandardCharsets.UTF_8));
                }
            } else {
                notFound(exchange);
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain; charset=utf-8",
                    ("error: " + e).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void api(HttpExchange exchange) throws IOException {
        String toFilter = query(exchange, "to");
        List<Map<String, Object>> out = new ArrayList<>();
        for (MailMessage m : newestFirst()) {
            if (toFilter != null && !m.to().toLowerCase(Locale.ROOT).contains(toFilter.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", m.id());
            item.put("to", m.to());
            item.put("from", m.from());
            item.put("subject", m.subject());
            item.put("text", m.text());
            item.put("html", m.html());
            item.put("receivedAt", m.receivedAt().toString());
            item.put("attachments", m.attachments());
            out.add(item);
        }
        send(exchange, 200, "application/json", json.writeValueAsBytes(out));
    }

    private static String query(HttpExchange exchange, String name) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private List<MailMessage> newestFirst() {
        List<MailMessage> list = new ArrayList<>(mail.messages());
        list.sort(Comparator.comparingInt(MailMessage::id).reversed());
        return list;
    }

    private MailMessage find(String id) {
        int n;
        try {
            n = Integer.parseInt(id);
        } catch (NumberFormatException e) {
            return null;
        }
        List<MailMessage> all = mail.messages();
        return n >= 1 && n <= all.size() ? all.get(n - 1) : null;
    }

    private String listPage() {
        StringBuilder rows = new StringBuilder();
        for (MailMessage m : newestFirst()) {
            rows.append("<tr><td>").append(m.id()).append("</td><td>").append(esc(m.to()))
                    .append("</td><td><a href=\"/messages/").append(m.id()).append("\">")
                    .append(esc(m.subject() == null || m.subject().isBlank() ? "（無主旨）" : m.subject()))
                    .append("</a></td><td>").append(esc(m.from()))
                    .append("</td><td>").append(TIME.format(m.receivedAt())).append("</td></tr>\n");
        }
        String status = mail.smtpRunning()
                ? "SMTP 127.0.0.1:" + config.smtpPort() + " 運作中"
                : "SMTP 已停止（測試中模擬郵件伺服器故障）";
        String body = rows.isEmpty()
                ? "<p class=\"empty\">目前沒有郵件。</p>"
                : "<table><thead><tr><th>#</th><th>收件者</th><th>主旨</th><th>寄件者</th><th>時間</th></tr></thead>"
                + "<tbody>\n" + rows + "</tbody></table>";
        return page("本機收件匣",
                "<meta http-equiv=\"refresh\" content=\"10\">",
                "<h1>本機收件匣</h1><p class=\"note\">本機開發用：此處列出服務寄出的所有郵件（最新在上，每 10 秒自動重新整理）。"
                        + esc(status) + "</p>" + body);
    }

    private String messagePage(MailMessage m) {
        StringBuilder sb = new StringBuilder();
        sb.append("<p><a href=\"/\">← 回收件匣</a></p>");
        sb.append("<h1>").append(esc(m.subject() == null ? "（無主旨）" : m.subject())).append("</h1>");
        sb.append("<table class=\"headers\">")
                .append("<tr><th>寄件者</th><td>").append(esc(m.from())).append("</td></tr>")
                .append("<tr><th>收件者</th><td>").append(esc(m.to())).append("</td></tr>")
                .append("<tr><th>時間</th><td>").append(TIME.format(m.receivedAt())).append("</td></tr>")
                .append("</table>");
        if (m.text() != null) {
            sb.append("<h2>純文字內容</h2><pre>").append(linkify(m.text())).append("</pre>");
        }
        if (m.html() != null) {
            // sandboxed: no scripts, no forms; links open in a new tab
            String doc = "<base target=\"_blank\">" + m.html();
            sb.append("<h2>HTML 內容</h2><iframe sandbox=\"allow-popups allow-popups-to-escape-sandbox\" ")
                    .append("referrerpolicy=\"no-referrer\" srcdoc=\"").append(esc(doc)).append("\"></iframe>");
        }
        if (!m.attachments().isEmpty()) {
            sb.append("<h2>附件</h2><ul>");
            m.attachments().forEach(name -> sb.append("<li>").append(esc(name)).append("</li>"));
            sb.append("</ul><p class=\"note\">附件內容見原始郵件。</p>");
        }
        sb.append("<p><a href=\"/messages/").append(m.id()).append("/raw\">原始郵件內容</a></p>");
        return page(m.subject() == null ? "郵件" : m.subject(), "", sb.toString());
    }

    private static String page(String title, String head, String body) {
        return "<!DOCTYPE html><html lang=\"zh-Hant-TW\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" + head
                + "<title>" + esc(title) + "</title><style>"
                + "body{font-family:system-ui,'Noto Sans CJK TC','Noto Sans TC',sans-serif;margin:2rem;color:#222}"
                + "table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.4rem .6rem;"
                + "text-align:left;vertical-align:top}th{background:#f4f4f4}.headers th{width:6rem}"
                + "pre{white-space:pre-wrap;background:#fafafa;border:1px solid #ddd;padding:1rem}"
                + "iframe{width:100%;height:32rem;border:1px solid #ddd}.note{color:#666}.empty{color:#666}"
                + "</style></head><body>" + body + "</body></html>";
    }

    private static String linkify(String text) {
        String escaped = esc(text);
        Matcher matcher = URL.matcher(escaped);
        StringBuilder sb = new StringBuilder();
        while (matcher.find()) {
            String url = matcher.group();
            matcher.appendReplacement(sb, Matcher.quoteReplacement(
                    "<a href=\"" + url + "\" target=\"_blank\" rel=\"noopener noreferrer\">" + url + "</a>"));
        }
        matcher.appendTail(sb);
        return sb.toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        send(exchange, 404, "text/plain; charset=utf-8", "找不到此頁面 (404)".getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
    }
}
