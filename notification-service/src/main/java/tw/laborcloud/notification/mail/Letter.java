package tw.laborcloud.notification.mail;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * The body of a notice written once and rendered twice, as plain text and as simple
 * inline-styled HTML (mail clients ignore style sheets), so the two never drift apart.
 * Every value is HTML-escaped: union names and reasons are typed by people.
 */
final class Letter {

    private static final String FOOTER = "本信件由系統自動發送，請勿直接回覆。";
    private static final String SIGNATURE = "新北市政府勞工局　新北勞動雲";

    private final List<Block> blocks = new ArrayList<>();

    Letter paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    Letter fact(String label, String value) {
        blocks.add(new Fact(label, value));
        return this;
    }

    Letter steps(String... steps) {
        blocks.add(new Steps(List.of(steps)));
        return this;
    }

    Letter link(String label, String url) {
        blocks.add(new Link(label, url));
        return this;
    }

    MailContent render(String subject) {
        return render(subject, List.of());
    }

    MailContent render(String subject, List<MailContent.Attachment> attachments) {
        return new MailContent(subject, text(), html(subject), attachments);
    }

    private String text() {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            switch (block) {
                case Paragraph p -> out.append(p.text()).append("\n\n");
                case Fact f -> out.append(f.label()).append("：").append(f.value()).append('\n');
                case Steps s -> {
                    for (int i = 0; i < s.steps().size(); i++) {
                        out.append(i + 1).append(". ").append(s.steps().get(i)).append('\n');
                    }
                    out.append('\n');
                }
                case Link l -> out.append(l.label()).append("：").append(l.url()).append("\n\n");
            }
        }
        return out.append("--\n").append(FOOTER).append('\n').append(SIGNATURE).append('\n').toString();
    }

    private String html(String subject) {
        StringBuilder out = new StringBuilder()
                .append("<!DOCTYPE html><html lang=\"zh-Hant-TW\"><head><meta charset=\"UTF-8\"><title>")
                .append(esc(subject))
                .append("</title></head><body style=\"margin:0;padding:24px;background:#f4f6f8;\">")
                .append("<div style=\"max-width:600px;margin:0 auto;background:#ffffff;padding:24px;")
                .append("font-family:'Microsoft JhengHei','Noto Sans TC',sans-serif;font-size:15px;")
                .append("line-height:1.7;color:#1f2933;border-top:4px solid #0b6e4f;\">")
                .append("<h1 style=\"font-size:20px;margin:0 0 16px;color:#0b6e4f;\">").append(esc(subject))
                .append("</h1>");
        boolean inTable = false;
        for (Block block : blocks) {
            if (block instanceof Fact f) {
                if (!inTable) {
                    out.append("<table style=\"border-collapse:collapse;margin:0 0 16px;\">");
                    inTable = true;
                }
                out.append("<tr><th style=\"text-align:left;padding:4px 12px 4px 0;color:#52606d;font-weight:normal;\">")
                        .append(esc(f.label())).append("</th><td style=\"padding:4px 0;font-weight:bold;\">")
                        .append(esc(f.value())).append("</td></tr>");
                continue;
            }
            if (inTable) {
                out.append("</table>");
                inTable = false;
            }
            switch (block) {
                case Paragraph p -> out.append("<p style=\"margin:0 0 16px;\">").append(esc(p.text())).append("</p>");
                case Steps s -> {
                    out.append("<ol style=\"margin:0 0 16px;padding-left:24px;\">");
                    s.steps().forEach(step -> out.append("<li>").append(esc(step)).append("</li>"));
                    out.append("</ol>");
                }
                case Link l -> out.append("<p style=\"margin:0 0 16px;\">").append(esc(l.label())).append("：")
                        .append("<a href=\"").append(esc(l.url())).append("\" style=\"color:#0b6e4f;\">")
                        .append(esc(l.url())).append("</a></p>");
                case Fact f -> throw new IllegalStateException("handled above: " + f);
            }
        }
        if (inTable) {
            out.append("</table>");
        }
        return out.append("<p style=\"margin:24px 0 0;font-size:13px;color:#7b8794;\">").append(esc(FOOTER))
                .append("<br>").append(esc(SIGNATURE)).append("</p></div></body></html>").toString();
    }

    private static String esc(String value) {
        return HtmlUtils.htmlEscape(value == null ? "" : value, "UTF-8");
    }

    private sealed interface Block permits Paragraph, Fact, Steps, Link {
    }

    private record Paragraph(String text) implements Block {
    }

    private record Fact(String label, String value) implements Block {
    }

    private record Steps(List<String> steps) implements Block {
    }

    private record Link(String label, String url) implements Block {
    }
}
